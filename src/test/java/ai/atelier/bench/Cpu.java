package ai.atelier.bench;

import java.lang.management.ManagementFactory;

/** Process CPU time (all threads, user + system), for CPU per site. */
final class Cpu {
    private Cpu() {}

    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1-minute load average of the machine, to read numbers from a shared machine with. */
    static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
