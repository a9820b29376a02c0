package ai.atelier.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The longest chain of dependent step durations: the least wall time the workflow could take with
 * unlimited parallelism. Comparing it with the wall time shows what orchestration itself costs.
 */
public final class CriticalPath {
    private CriticalPath() {}

    public static long of(WorkflowDefinition wf, List<StepSpan> spans) {
        return of(wf, spans, StepSpan::durationMs);
    }

    /**
     * The longest dependent chain with each step weighted by {@code weight}; with
     * {@link StepSpan#callMs()} it is the model time the run could not avoid, and wall time minus
     * that is the orchestration overhead of the run.
     */
    public static long of(WorkflowDefinition wf, List<StepSpan> spans, ToLongFunction<StepSpan> weight) {
        Map<String, Long> duration = new HashMap<>();
        spans.forEach(s -> duration.put(s.id(), weight.applyAsLong(s)));
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
