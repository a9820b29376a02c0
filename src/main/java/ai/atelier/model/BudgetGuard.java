package ai.atelier.model;

import java.util.Locale;

/**
 * Refuses a call once the site's cost budget is spent, with a message that says how much was spent
 * and how to raise the limit. Work already finished stays: the orchestrator keeps every output
 * written before the refusal.
 */
public final class BudgetGuard implements Interceptor {
    private final double limitUsd;
    private final CostLedger ledger;

    public BudgetGuard(double limitUsd, CostLedger ledger) {
        this.limitUsd = limitUsd;
        this.ledger = ledger;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        check(limitUsd, ledger);
        return chain.proceed(chain.request());
    }

    /** Throws when {@code ledger} has reached {@code limitUsd}; shared with image calls. */
    public static void check(double limitUsd, CostLedger ledger) {
        double spent = ledger.spentUsd();
        if (spent >= limitUsd) {
            throw new ModelException(ModelException.Kind.BUDGET_EXHAUSTED, String.format(Locale.ROOT,
                    "site cost budget of $%.6f is spent ($%.6f so far); no further model calls for this site. "
                            + "Raise budget.perSiteUsd in the config or bind cheaper models", limitUsd, spent));
        }
    }
}
