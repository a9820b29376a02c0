package ai.atelier.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The console line of a running batch: sites finished of the total, done / failed / skipped,
 * what this run spent, the rate (sites per minute since the first site started) and the time
 * left at that rate. Printed at most once a second, and once more at the end.
 */
final class Progress {
    private final PrintStream err;
    private final int total;
    private final long startNanos;
    private long lastPrint;
    private int finished, done, failed, skipped;
    private double spent;

    Progress(PrintStream err, int total, long startNanos) {
        this.err = err;
        this.total = total;
        this.startNanos = startNanos;
    }

    /** Counts a finished site and prints the line (at most once a second, and for the last site). */
    synchronized void add(ResultRow r) {
        count(r);
        long now = System.nanoTime();
        if (now - lastPrint > 1_000_000_000L || finished == total) {
            lastPrint = now;
            err.println(line());
        }
    }

    /** Counts a finished site without printing. */
    synchronized void count(ResultRow r) {
        finished++;
        switch (r.status()) {
            case BatchStatus.DONE -> done++;
            default -> {
                if (r.earlier() || BatchStatus.SKIPPED_DONE.equals(r.status())) skipped++;
                else failed++;
            }
        }
        if (r.ranNow() && r.costUsd() != null) spent += r.costUsd();
    }

    synchronized double spent() {
        return spent;
    }

    synchronized String line() {
        double minutes = Math.max(1e-9, (System.nanoTime() - startNanos) / 60e9);
        int ran = finished - skipped;
        double rate = ran / minutes;
        String eta = ran == 0 || finished == total ? "-" : duration((total - finished) / rate * 60);
        return String.format(Locale.ROOT, "batch: %d/%d sites, %d done, %d failed or gate-failed, %d finished earlier, $%.4f this run, %.1f sites/min, ETA %s",
                finished, total, done, failed, skipped, spent, rate, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
