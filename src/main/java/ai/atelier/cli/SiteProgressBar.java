package ai.atelier.cli;

import ai.atelier.economics.SiteRun;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.StepSpan;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of a comparison on stderr, counted in sites (a comparison is many sites of several
 * steps each, run a few at once): redrawn in place on a terminal with the number of steps running,
 * one line per finished site otherwise (logs, CI).
 */
final class SiteProgressBar implements RunListener {
    private final PrintWriter err;
    private final int total;
    private final boolean interactive;
    private final AtomicInteger stepsRunning = new AtomicInteger();
    private int finished;
    private int failed;

    SiteProgressBar(PrintWriter err, int total, boolean interactive) {
        this.err = err;
        this.total = total;
        this.interactive = interactive;
    }

    @Override
    public void stepStarted(String stepId, String role, String model, long startMs) {
        stepsRunning.incrementAndGet();
        if (interactive) redraw();
    }

    @Override
    public void stepFinished(StepSpan span) {
        stepsRunning.decrementAndGet();
        if (interactive) redraw();
    }

    synchronized void siteFinished(SiteRun run) {
        finished++;
        if (!run.ok()) failed++;
        if (interactive) {
            redraw();
        } else {
            err.println(bar() + "  " + run.workflow() + " / " + run.profile() + " " + (run.ok() ? "ok" : "FAILED"));
            err.flush();
        }
    }

    private synchronized void redraw() {
        int running = Math.max(0, stepsRunning.get());
        err.print("\r\033[2K" + bar() + (running == 0 ? "" : "  (" + running + " step" + (running == 1 ? "" : "s") + " running)"));
        err.flush();
    }

    private String bar() {
        int width = 24;
        int filled = total == 0 ? 0 : Math.min(width, finished * width / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + finished + "/" + total + " sites"
                + (failed == 0 ? "" : ", " + failed + " failed");
    }

    synchronized void finish() {
        if (interactive) {
            err.println();
            err.flush();
        }
    }
}
