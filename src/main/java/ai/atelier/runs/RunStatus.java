package ai.atelier.runs;

import java.util.Locale;

/**
 * Where a run stands. A run cut off by a restart is {@code INTERRUPTED}, never silently lost;
 * {@code FAILED} covers both a failed step and a page that did not pass the quality gate (the
 * report says which).
 */
public enum RunStatus {
    QUEUED, RUNNING, DONE, FAILED, INTERRUPTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == DONE || this == FAILED || this == INTERRUPTED;
    }

    public static RunStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
