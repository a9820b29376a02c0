package ai.atelier.runs;

import ai.atelier.model.CatalogEntry;
import ai.atelier.model.CostCalculator;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.TokenUsage;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a finished run cost, per role, next to what the same page would cost with the single-llm
 * workflow, so the web UI can show whether decomposition paid. Cost is null wherever some price is
 * unknown (never shown as free); the built-in engine is free, so tokens are always given too.
 *
 * <p>The single-llm figure is an estimate from this run's own measured tokens: one call must
 * still read the largest context any step read (the visitor and the retrieved knowledge) and
 * write every artefact the steps wrote, so input = the largest step input and output = the sum of
 * step outputs, priced at the model bound to the single-llm role (on the built-in engine, the model
 * the bundled reference config binds to it, as the CLI's estimate). A single-llm run reports its
 * measured cost instead.
 *
 * <p>A resumed run's earlier sessions were paid for too: every attempt in the report's
 * {@code earlierAttempts} (failed, timed out, superseded) counts in its role's tokens and cost, as
 * in the report's totals, and {@code earlierAttempts} / {@code earlierCostUsd} say how much of the
 * role's figure they are, so the UI can show it. The single-llm estimate is of the same page, so it
 * reads only the steps the page uses.
 */
public record RunCosts(List<RoleCost> perRole, Baseline singleLlm) {

    public RunCosts {
        perRole = List.copyOf(perRole);
    }

    /** The cost of all steps played by one role. */
    public record RoleCost(String role, String model, Double costUsd, long inputTokens, long outputTokens, long durationMs, int steps,
                           int earlierAttempts, Double earlierCostUsd) {}

    /** The single-llm comparison: how it was obtained ("measured" or "estimated"), model, tokens, cost and a note. */
    public record Baseline(String basis, String model, long inputTokens, long outputTokens, Double costUsd, String note) {}

    public static final String SINGLE_LLM = "single-llm";

    /** Builds the view from a report; {@code modelForRole} says which model would play the single-llm role. */
    public static RunCosts of(SiteReport report, Function<String, String> modelForRole, ModelCatalog catalog) {
        Map<String, RoleCost> roles = new LinkedHashMap<>();
        for (StepSpan s : report.steps()) add(roles, s, false);
        for (StepSpan s : report.earlierAttempts()) add(roles, s, true);
        return new RunCosts(new ArrayList<>(roles.values()), baseline(report, modelForRole.apply(SINGLE_LLM), catalog));
    }

    /** Adds one step (of the page, or an earlier session's attempt) to its role's sums. */
    private static void add(Map<String, RoleCost> roles, StepSpan s, boolean earlier) {
        RoleCost prev = roles.get(s.role());
        if (prev == null) {
            roles.put(s.role(), new RoleCost(s.role(), s.model(), s.costUsd(), s.inputTokens(), s.outputTokens(), s.durationMs(),
                    earlier ? 0 : 1, earlier ? 1 : 0, earlier ? s.costUsd() : Double.valueOf(0.0)));
            return;
        }
        String model = prev.model().equals(s.model()) || List.of(prev.model().split(", ")).contains(s.model()) ? prev.model() : prev.model() + ", " + s.model();
        roles.put(s.role(), new RoleCost(s.role(), model, plus(prev.costUsd(), s.costUsd()), prev.inputTokens() + s.inputTokens(),
                prev.outputTokens() + s.outputTokens(), prev.durationMs() + s.durationMs(), prev.steps() + (earlier ? 0 : 1),
                prev.earlierAttempts() + (earlier ? 1 : 0), earlier ? plus(prev.earlierCostUsd(), s.costUsd()) : prev.earlierCostUsd()));
    }

    /** A sum with an unknown part is unknown (never shown as free). */
    private static Double plus(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    private static Baseline baseline(SiteReport report, String model, ModelCatalog catalog) {
        SiteReport.Totals t = report.totals();
        if (SINGLE_LLM.equals(report.workflow())) {
            return new Baseline("measured", model, t.inputTokens(), t.outputTokens(), t.costUsd(), "this run used the single-llm workflow");
        }
        long in = 0, out = 0;
        for (StepSpan s : report.steps()) {
            if (s.calls().isEmpty()) continue;
            in = Math.max(in, s.inputTokens());
            out += s.outputTokens();
        }
        String method = "estimated from this run's tokens: input = largest step input, output = sum of step outputs";
        if (BuiltinEngines.MODEL.equals(model)) {
            // as the CLI does: a built-in run is priced on the models the bundled reference config binds to each role
            CatalogEntry ref = ai.atelier.economics.RoleBindings.reference(ai.atelier.economics.RoleBindings.REFERENCE, catalog)
                    .modelFor(SINGLE_LLM).orElse(null);
            if (ref != null) {
                Double cost = CostCalculator.tokens(ref, new TokenUsage(in, out, 0, true));
                return new Baseline("estimated", ref.name(), in, out, cost, method + "; the built-in engine played this run, so single-llm is "
                        + "priced on " + ref.name() + ", the model the reference config " + ai.atelier.economics.RoleBindings.REFERENCE
                        + " binds to it, as the CLI's estimate is");
            }
            return new Baseline("estimated", model, in, out, 0.0, method + "; the built-in engine plays single-llm and costs nothing");
        }
        CatalogEntry entry = catalog.find(model).orElse(null);
        Double cost = CostCalculator.tokens(entry, new TokenUsage(in, out, 0, true));
        String note = cost == null ? method + "; the price of " + model + " is unknown (not in the model catalog)" : method;
        return new Baseline("estimated", model, in, out, cost, note);
    }
}
