package ai.atelier.workflow;

/**
 * Prices a finished step as if its built-in (or replayed) calls had run on the model a config
 * binds to its role, from the step's real token counts: the cost estimate that tells a newcomer
 * what a run would cost on real models. The estimate sits next to the measured cost, labelled by
 * {@link #basis()}, and never replaces it.
 */
public interface StepPricer {
    /** No estimate: spans keep a null {@code estimatedCostUsd}. */
    StepPricer NONE = new StepPricer() {
        @Override
        public Double estimate(StepSpan span) {
            return null;
        }

        @Override
        public String basis() {
            return null;
        }
    };

    /**
     * Whether any of the step's calls is priced by estimate (answered by a stand-in for a model)
     * rather than at its measured cost: a run none of whose steps is has no estimate to show.
     */
    default boolean estimates(StepSpan span) {
        return false;
    }

    /** The estimated cost of a step in USD, or null when no bound model has a price. */
    Double estimate(StepSpan span);

    /** What the estimate assumes, e.g. "estimate: built-in calls priced on reference/small-models.yaml". */
    String basis();
}
