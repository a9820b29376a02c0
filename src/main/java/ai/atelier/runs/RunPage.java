package ai.atelier.runs;

import java.util.List;

/** One page of the run list, newest first, with the total so a client can page through. */
public record RunPage(int page, int size, long total, List<RunRecord> runs) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
