package ai.atelier.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where a command's time goes, for the cold-start benchmark: with {@code ATELIER_TIMINGS=1} in the
 * environment each phase prints one line to stderr, {@code atelier-timing <ms> <kind> <phase>},
 * where kind says whether it was JVM startup, loading a model (the tokenizer's vocabulary, later
 * an embedding model), loading validators, loading data, or the work itself. Off, it only runs the
 * phases.
 */
final class PhaseTimings {
    static final String ENV = "ATELIER_TIMINGS";
    private final PrintWriter err;

    private PhaseTimings(PrintWriter err) {
        this.err = err;
    }

    static PhaseTimings fromEnvironment(PrintWriter err) {
        return new PhaseTimings("1".equals(System.getenv(ENV)) ? err : null);
    }

    /** JVM start to now, as the "startup" phase (JVM boot, class loading, argument parsing). */
    void startup() {
        print(ManagementFactory.getRuntimeMXBean().getUptime(), "startup", "jvm-start-to-command");
    }

    <T> T time(String kind, String phase, Supplier<T> work) {
        long t0 = System.nanoTime();
        T out = work.get();
        print((System.nanoTime() - t0) / 1_000_000, kind, phase);
        return out;
    }

    void print(long ms, String kind, String phase) {
        if (err == null) return;
        err.println(String.format(Locale.ROOT, "atelier-timing %d %s %s", ms, kind, phase));
        err.flush();
    }
}
