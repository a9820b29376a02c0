package ai.atelier.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * journal.json: every step attempt of a run, written the moment the attempt ends (ok, failed or
 * timed out), across every session of the run (the first one and each resume). report.json is
 * written only at the end, so a process killed mid-run used to lose both which steps had finished
 * and what their calls cost. With the journal a resume keeps every finished step and the report
 * keeps every call ever paid for. A session's wall time is its measured wall when it ended; for a
 * session that was cut off it is the time from its start to its last recorded attempt (a lower
 * bound on what it really took, and an upper bound on any chain of steps inside it).
 */
final class StepJournal {
    static final String FILE = "journal.json";

    /** One session: a first run or a resume. {@code wallMs} is null until the session ends. */
    record Session(int number, long startedEpochMs, Long wallMs) {}

    /** One attempt of one step, in the session it ran in. */
    record Attempt(int session, long finishedEpochMs, StepSpan span) {}

    /** The file's form. */
    record Data(List<Session> sessions, List<Attempt> attempts) {
        Data {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
            attempts = attempts == null ? List.of() : List.copyOf(attempts);
        }
    }

    private final SiteFolder folder;
    private final List<Session> sessions;
    private final List<Attempt> attempts;
    private final int current;

    private StepJournal(SiteFolder folder, List<Session> sessions, List<Attempt> attempts) {
        this.folder = folder;
        this.sessions = new ArrayList<>(sessions);
        this.attempts = new ArrayList<>(attempts);
        this.current = sessions.size() + 1;
        this.sessions.add(new Session(current, System.currentTimeMillis(), null));
        write();
    }

    /** A new run's journal: session 1, no attempts. */
    static StepJournal start(SiteFolder folder) {
        return new StepJournal(folder, List.of(), List.of());
    }

    /**
     * The journal of an earlier run in {@code folder}, with a new session begun. A folder from
     * before the journal existed is read from its report.json (its steps and earlier attempts as
     * one session of the report's wall time); a folder with neither starts empty.
     */
    static StepJournal resume(SiteFolder folder) {
        Data d = readQuietly(folder);
        if (d != null) return new StepJournal(folder, d.sessions(), d.attempts());
        SiteReport previous;
        try {
            previous = folder.readJson("report.json", SiteReport.class);
        } catch (java.io.UncheckedIOException e) {
            previous = null;
        }
        if (previous == null) return new StepJournal(folder, List.of(), List.of());
        List<Attempt> a = new ArrayList<>();
        long now = System.currentTimeMillis();
        previous.earlierAttempts().forEach(s -> a.add(new Attempt(0, now, s)));
        previous.steps().stream().filter(s -> !StepSpan.SKIPPED.equals(s.status())).forEach(s -> a.add(new Attempt(1, now, s)));
        return new StepJournal(folder, List.of(new Session(1, now, previous.totals().wallMs())), a);
    }

    private static Data readQuietly(SiteFolder folder) {
        try {
            return folder.readJson(FILE, Data.class);
        } catch (java.io.UncheckedIOException e) {
            return null; // cut off while written cannot happen (writes are atomic); unreadable means start over
        }
    }

    synchronized void record(StepSpan span) {
        attempts.add(new Attempt(current, System.currentTimeMillis(), span));
        write();
    }

    /** Ends this session with its measured wall time. */
    synchronized void end(long wallMs) {
        Session s = sessions.get(sessions.size() - 1);
        sessions.set(sessions.size() - 1, new Session(s.number(), s.startedEpochMs(), wallMs));
        write();
    }

    /** The last successful attempt of each step in earlier sessions: what a resume may keep. */
    synchronized Map<String, StepSpan> lastOkBefore() {
        Map<String, StepSpan> out = new java.util.LinkedHashMap<>();
        for (Attempt a : attempts) if (a.session() < current && a.span().ok()) out.put(a.span().id(), a.span());
        return out;
    }

    /** Every attempt of earlier sessions except {@code kept} (which are in the report's steps): paid for, not in the page. */
    synchronized List<StepSpan> earlierAttemptsExcept(java.util.Collection<StepSpan> kept) {
        Set<StepSpan> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(kept);
        List<StepSpan> out = new ArrayList<>();
        for (Attempt a : attempts) if (a.session() < current && !keep.contains(a.span())) out.add(a.span());
        return out;
    }

    /** The wall time of the sessions before this one (see the class comment for a cut-off session). */
    synchronized long earlierWallMs() {
        long total = 0;
        for (Session s : sessions) {
            if (s.number() >= current) continue;
            if (s.wallMs() != null) {
                total += s.wallMs();
            } else {
                long last = attempts.stream().filter(a -> a.session() == s.number()).map(Attempt::finishedEpochMs)
                        .max(Comparator.naturalOrder()).orElse(s.startedEpochMs());
                total += Math.max(0, last - s.startedEpochMs());
            }
        }
        return total;
    }

    /** How many sessions this run has had, this one included. */
    synchronized int sessions() {
        return current;
    }

    private void write() {
        folder.writeJson(FILE, new Data(sessions, attempts));
    }
}
