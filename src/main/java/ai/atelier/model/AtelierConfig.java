package ai.atelier.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user configured: the models they can reach, which role runs on which model (one line
 * per role), the escalation ladder per role (larger models to try when a role's answer keeps
 * failing validation), the per-site cost budget, how the front-end developer works (template or
 * code), an optional response cache, and catalog entries that override or extend the bundled
 * prices. Holds no secrets: keys are read from the environment variables it names, at call time.
 * An empty config binds nothing, so every role runs on the built-in engine.
 */
public record AtelierConfig(
        Map<String, ModelSpec> models,
        Map<String, String> roles,
        Map<String, List<String>> escalation,
        Double budgetPerSiteUsd,
        DeveloperMode developerMode,
        boolean cache,
        List<CatalogEntry> catalog,
        String source) {

    /** Template: the model writes content and the design system renders it. Code: the model writes the files. */
    public enum DeveloperMode { TEMPLATE, CODE }

    public AtelierConfig {
        models = models == null ? Map.of() : Map.copyOf(models);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        escalation = escalation == null ? Map.of() : Map.copyOf(escalation);
        developerMode = developerMode == null ? DeveloperMode.TEMPLATE : developerMode;
        catalog = catalog == null ? List.of() : List.copyOf(catalog);
    }

    /** No models, every role on the built-in engine. */
    public static AtelierConfig none() {
        return new AtelierConfig(Map.of(), Map.of(), Map.of(), null, DeveloperMode.TEMPLATE, false, List.of(), "none");
    }

    /** The model bound to a role, if any. */
    public Optional<ModelSpec> modelFor(String role) {
        String name = roles.get(role);
        return name == null ? Optional.empty() : Optional.ofNullable(models.get(name));
    }

    /** The models to try after a role's own, cheapest first. */
    public List<ModelSpec> ladderFor(String role) {
        return escalation.getOrDefault(role, List.of()).stream().map(models::get).toList();
    }

    /** The bundled catalog with this config's overrides and extensions. */
    public ModelCatalog catalogWithOverrides() {
        return ModelCatalog.bundled().with(catalog);
    }
}
