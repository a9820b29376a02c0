package ai.atelier.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest chain of dependent step durations: the least wall time the workflow could take with
 * unlimited parallelism. Comparing it with the wall time shows what orchestration itself costs.
 */
public final class CriticalPath {
    private CriticalPath() {}

    public static long of(WorkflowDefinition wf, List<StepSpan> spans) {
        Map<String, Long> duration = new HashMap<>();
        spans.forEach(s -> duration.put(s.id(), s.durationMs()));
        Map<String, Long> finish = new HashMap<>();
        long longest = 0;
        for (StepDefinition step : wf.ordered()) {
            long start = step.after().stream().mapToLong(d -> finish.getOrDefault(d, 0L)).max().orElse(0);
            long end = start + duration.getOrDefault(step.id(), 0L);
            finish.put(step.id(), end);
            longest = Math.max(longest, end);
        }
        return longest;
    }
}
