package ai.atelier.cli;

import ai.atelier.knowledge.IngestListener;
import ai.atelier.knowledge.IngestReport;
import ai.atelier.knowledge.SkippedFile;
import java.io.PrintWriter;

/**
 * Shows a knowledge-index build on stderr: warnings for skipped files, and a bar per long phase
 * (embedding, graph), redrawn in place on a terminal and printed every tenth otherwise.
 */
final class IngestProgressBar implements IngestListener {
    private final PrintWriter err;
    private final boolean interactive;
    private String phase;
    private int total;
    private int lastTenth = -1;

    IngestProgressBar(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void skipped(SkippedFile file) {
        endLine();
        err.println("warning: " + file.warning());
        err.flush();
    }

    @Override
    public synchronized void warning(String message) {
        endLine();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public synchronized void phase(String name, int total) {
        endLine();
        this.phase = name;
        this.total = total;
        this.lastTenth = -1;
        draw(0);
    }

    @Override
    public synchronized void progress(int done) {
        draw(done);
    }

    @Override
    public synchronized void finished(IngestReport report) {
        endLine();
    }

    private void draw(int done) {
        int width = 24;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        String bar = "knowledge index: " + phase + " [" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total;
        if (interactive) {
            err.print("\r\033[2K" + bar);
            err.flush();
        } else {
            int tenth = total == 0 ? 10 : (int) ((long) done * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(bar);
                err.flush();
            }
        }
    }

    private void endLine() {
        if (interactive && phase != null) {
            err.println();
            phase = null;
        }
    }
}
