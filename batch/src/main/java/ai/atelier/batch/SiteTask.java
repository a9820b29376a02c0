package ai.atelier.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What one Spark task does for one visitor, idempotently: the key names the site folder, so the
 * task first looks there. A finished site (its report.json says done or gate-failed) is not made
 * again ({@code skipped-done}); a folder where a run started (run.json) but did not finish, or
 * failed, is resumed through Atelier's resume path, which keeps every finished step and pays only
 * for the rest; anything else is made new. A lock file ({@code OUT/.locks/FOLDER.lock}) keeps two attempts of the same
 * task (a Spark retry or a speculative copy) from working on one site at once. A budget stop file
 * in OUT, written by the driver when the budget is spent, makes the task start nothing.
 */
final class SiteTask implements Serializable {
    static final String STOP_FILE = ".budget-spent";
    private final AtelierAdapter.Settings settings;
    private final String out;

    SiteTask(AtelierAdapter.Settings settings, String out) {
        this.settings = settings;
        this.out = out;
    }

    /** The visitor's row, or null when the budget stop said not to start it. */
    ResultRow run(BatchJob job) {
        Path outDir = Path.of(out);
        Path siteDir = outDir.resolve("sites").resolve(job.folder());
        String rel = "sites/" + job.folder();
        long start = System.nanoTime();
        try {
            var done = AtelierAdapter.recorded(siteDir).filter(AtelierAdapter.Outcome::finished);
            if (done.isPresent()) return skipped(job, rel, done.get());
            if (Files.exists(outDir.resolve(STOP_FILE))) return null;
            Files.createDirectories(siteDir);
            Files.createDirectories(outDir.resolve(".locks"));
            try (FileChannel ch = FileChannel.open(outDir.resolve(".locks").resolve(job.folder() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(ch)) {
                if (lock == null) {
                    return failed(job, rel, start, "another attempt is making this site right now (a Spark retry or speculative task); it was left to that one");
                }
                var again = AtelierAdapter.recorded(siteDir).filter(AtelierAdapter.Outcome::finished); // finished while we waited for the lock
                if (again.isPresent()) return skipped(job, rel, again.get());
                AtelierAdapter atelier = AtelierAdapter.shared(settings);
                AtelierAdapter.Outcome o;
                if (AtelierAdapter.started(siteDir)) {
                    o = atelier.resume(job.profileJson(), siteDir, job.folder());
                } else {
                    clear(siteDir); // no run.json: nothing was paid for in here
                    o = atelier.generate(job.profileJson(), siteDir, job.folder());
                }
                return new ResultRow(job.id(), job.key(), o.status(), rel, o.costUsd(), o.inputTokens(), o.outputTokens(), o.qualityScore(),
                        o.wallMs(), o.error(), job.place(), job.index(), false);
            }
        } catch (RuntimeException | IOException e) {
            return failed(job, rel, start, oneLine(e));
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another task of this JVM
        }
    }

    private static ResultRow skipped(BatchJob job, String rel, AtelierAdapter.Outcome o) {
        String status = BatchStatus.DONE.equals(o.status()) ? BatchStatus.SKIPPED_DONE : o.status();
        String error = BatchStatus.DONE.equals(o.status()) ? null : o.error() + " (an earlier run; not redone)";
        return new ResultRow(job.id(), job.key(), status, rel, o.costUsd(), o.inputTokens(), o.outputTokens(), o.qualityScore(), o.wallMs(),
                error, job.place(), job.index(), true);
    }

    private static ResultRow failed(BatchJob job, String rel, long start, String error) {
        return new ResultRow(job.id(), job.key(), BatchStatus.FAILED, rel, null, 0, 0, null, (System.nanoTime() - start) / 1_000_000, error,
                job.place(), job.index(), false);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (p.equals(dir)) continue;
                Files.delete(p);
            }
        }
    }
}
