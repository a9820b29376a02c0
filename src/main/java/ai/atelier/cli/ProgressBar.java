package ai.atelier.cli;

import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.StepSpan;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A progress bar for a run on stderr: redrawn in place on a terminal, one line per finished step
 * otherwise (logs, CI), so long runs always show they are alive.
 */
final class ProgressBar implements RunListener {
    private final PrintWriter err;
    private final int total;
    private final boolean interactive;
    private final Set<String> running = new ConcurrentSkipListSet<>();
    private int finished;

    ProgressBar(PrintWriter err, int total, boolean interactive) {
        this.err = err;
        this.total = total;
        this.interactive = interactive;
    }

    @Override
    public synchronized void stepStarted(String stepId, String role, String model, long startMs) {
        running.add(stepId);
        draw(null);
    }

    @Override
    public synchronized void stepFinished(StepSpan span) {
        running.remove(span.id());
        finished++;
        draw(span);
    }

    private void draw(StepSpan justFinished) {
        int width = 24;
        int filled = total == 0 ? 0 : Math.min(width, finished * width / total);
        String bar = total == 0 ? "[" + finished + " steps done]"
                : "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + finished + "/" + total;
        if (interactive) {
            err.print("\r\033[2K" + bar + (running.isEmpty() ? "" : "  running: " + String.join(", ", running)));
            err.flush();
        } else if (justFinished != null) {
            err.println(bar + "  " + justFinished.id() + " " + justFinished.status() + " in " + justFinished.durationMs() + " ms");
            err.flush();
        }
    }

    synchronized void finish() {
        if (interactive) {
            err.println();
            err.flush();
        }
    }
}
