package ai.atelier.economics;

import ai.atelier.model.CatalogEntry;
import ai.atelier.model.CostCalculator;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelCatalog;
import ai.atelier.workflow.StepPricer;
import ai.atelier.workflow.StepSpan;
import java.util.Optional;
import java.util.Set;

/**
 * The cost estimate of built-in and replayed runs: each of a step's calls that the built-in engine
 * (or the latency replay) answered is priced as if it had run on the model the bindings give its
 * role, from the call's real token counts (image models: per image, one image per call); calls
 * real models answered keep their measured cost. Null when a bound model has no price.
 */
public final class CostEstimator implements StepPricer {
    private static final Set<String> STAND_INS = Set.of("builtin", ReplayEngines.PROVIDER);
    private final RoleBindings bindings;

    public CostEstimator(RoleBindings bindings) {
        this.bindings = bindings;
    }

    /** Estimates on the bundled reference config, against the bundled catalog. */
    public static CostEstimator reference() {
        return new CostEstimator(RoleBindings.reference(RoleBindings.REFERENCE, ModelCatalog.bundled()));
    }

    /** Prices on the models {@code config} binds to each role, or on the reference config when there is none. */
    public static CostEstimator forConfig(java.nio.file.Path config) {
        return config == null ? reference() : new CostEstimator(RoleBindings.read(config, ModelCatalog.bundled()));
    }

    @Override
    public Double estimate(StepSpan span) {
        double sum = 0;
        for (ModelCall call : span.calls()) {
            Double usd = STAND_INS.contains(call.provider()) ? price(span.role(), call) : call.costUsd();
            if (usd == null) return null;
            sum += usd;
        }
        return Math.round(sum * 1e7) / 1e7;
    }

    @Override
    public boolean estimates(StepSpan span) {
        return span.calls().stream().anyMatch(c -> STAND_INS.contains(c.provider()));
    }

    private Double price(String role, ModelCall call) {
        Optional<CatalogEntry> model = bindings.modelFor(role);
        if (model.isEmpty()) return null;
        CatalogEntry m = model.get();
        return m.isImageModel() ? CostCalculator.images(m, bindings.imageSize(), bindings.imageQuality(), 1) : CostCalculator.tokens(m, call.usage());
    }

    @Override
    public String basis() {
        return "estimate: calls answered by the built-in engine or the latency replay are priced as if run on the models "
                + bindings.name() + " binds to their roles, from their token counts; calls to real models at their measured cost";
    }
}
