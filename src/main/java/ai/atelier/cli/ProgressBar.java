package ai.atelier.cli;

import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.StepSpan;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A progress bar for a run on stderr: redrawn in place on a terminal, one line per finished step
 * otherwise (logs, CI), so long runs always show they are alive. It counts each step of the
 * workflow once: a step the revise loop runs again (its span is {@code developer#r1}) shows as a
 * revision beside the count, so the bar never passes its total.
 */
final class ProgressBar implements RunListener {
    private final PrintWriter err;
    private final int total;
    private final boolean interactive;
    private final Set<String> running = new ConcurrentSkipListSet<>();
    private final Set<String> done = new ConcurrentSkipListSet<>();
    private int revisions;

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
        String step = stepOf(span.id());
        if (!done.add(step) || !step.equals(span.id())) revisions++;
        draw(span);
    }

    private void draw(StepSpan justFinished) {
        int width = 24;
        int finished = total == 0 ? done.size() : Math.min(done.size(), total);
        int filled = total == 0 ? 0 : Math.min(width, finished * width / total);
        String bar = (total == 0 ? "[" + finished + " steps done]"
                : "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + finished + "/" + total)
                + (revisions == 0 ? "" : " (+" + revisions + " revision" + (revisions == 1 ? "" : "s") + ")");
        if (interactive) {
            err.print("\r\033[2K" + bar + (running.isEmpty() ? "" : "  running: " + String.join(", ", running)));
            err.flush();
        } else if (justFinished != null) {
            err.println(bar + "  " + justFinished.id() + " " + justFinished.status() + " in " + justFinished.durationMs() + " ms");
            err.flush();
        }
    }

    /** The workflow step a span belongs to: {@code developer#r1} (a revision round) is the developer step. */
    static String stepOf(String spanId) {
        int hash = spanId.indexOf('#');
        return hash < 0 ? spanId : spanId.substring(0, hash);
    }

    synchronized void finish() {
        if (interactive) {
            err.println();
            err.flush();
        }
    }
}
