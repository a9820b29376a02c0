package ai.atelier.model;

import java.util.List;

/**
 * When a call to the role's own model fails for good (after its retries) in a way a larger model
 * might not, tries the next model up the role's ladder. Budget, authentication and configuration
 * failures are not escalated: a larger model would fail the same way.
 */
public final class Escalation implements Interceptor {
    private final List<ModelClient> higherTiers;

    public Escalation(List<ModelClient> higherTiers) {
        this.higherTiers = List.copyOf(higherTiers);
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest r = chain.request();
        try {
            return chain.proceed(r);
        } catch (ModelException e) {
            if (!e.escalatable() || higherTiers.isEmpty()) throw e;
            ModelException last = e;
            for (int i = 0; i < higherTiers.size(); i++) {
                try {
                    return higherTiers.get(i).chat(r.withAttempt(r.attempt() + i + 1).withPurpose(r.purpose() + " (escalated)"));
                } catch (ModelException next) {
                    if (!next.escalatable()) throw next;
                    last = next;
                }
            }
            throw last;
        }
    }
}
