package ai.atelier.economics;

import ai.atelier.AtelierException;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.Tier;
import ai.atelier.model.LlamaSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which catalog model each role is bound to, read from a config file or a named reference config
 * ({@code reference/<name>.yaml} on the class path), for pricing estimates. It reads the
 * {@code roles:} map (role → catalog name, or role → {model: name}, or role → a name under the
 * config's {@code models:} map that gives its catalog name) and the config's optional
 * {@code catalog:} list of extra models; {@code default} binds every role not named.
 */
public record RoleBindings(String name, Map<String, CatalogEntry> roles, CatalogEntry fallback, String imageSize, String imageQuality) {
    public static final String REFERENCE = "small-models";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public RoleBindings {
        roles = Map.copyOf(roles);
    }

    /** The bundled reference config {@code reference/<name>.yaml}. */
    public static RoleBindings reference(String name, ModelCatalog catalog) {
        try (InputStream in = RoleBindings.class.getResourceAsStream("/reference/" + name + ".yaml")) {
            if (in == null || !name.matches("[a-z0-9-]+")) throw new AtelierException("no reference config \"" + name + "\"; the bundled one is " + REFERENCE);
            return parse("reference/" + name + ".yaml", YAML.readTree(in), catalog);
        } catch (IOException e) {
            throw new IllegalStateException("bundled reference config " + name + " unreadable", e);
        }
    }

    /** A config file's role bindings. */
    public static RoleBindings read(Path file, ModelCatalog catalog) {
        if (!Files.isRegularFile(file)) throw new AtelierException("config file not found: " + file + "; give a YAML file with a roles: map", "config", null);
        try {
            return parse(file.toString(), YAML.readTree(file.toFile()), catalog);
        } catch (IOException e) {
            throw new AtelierException("config " + file + " is not valid YAML" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p) : ": " + e.getMessage().lines().findFirst().orElse("")), "config", e);
        }
    }

    static RoleBindings parse(String source, JsonNode root, ModelCatalog catalog) {
        if (root == null || !root.isObject() || !root.path("roles").isObject()) {
            throw new AtelierException(source + " has no roles: map (role: catalog model name)", "config", null);
        }
        ModelCatalog cat = root.has("catalog") ? catalog.with(ModelCatalog.parse(root.get("catalog"), source)) : catalog;
        Map<String, CatalogEntry> roles = new LinkedHashMap<>();
        CatalogEntry fallback = null;
        var it = root.get("roles").fields();
        while (it.hasNext()) {
            var e = it.next();
            String model = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().path("model").asText(null);
            if (model == null) throw new AtelierException(source + ": role " + e.getKey() + " names no model", "config", null);
            JsonNode alias = root.path("models").path(model);
            if (alias.isObject() && !alias.has("catalog") && LlamaSettings.PROVIDER.equals(alias.path("provider").asText())) {
                // an in-process model has no list price: 0 without a machine cost, else unknown until a run measures it
                boolean costed = alias.path("machineCostPerHour").asDouble(0) > 0;
                CatalogEntry selfHosted = new CatalogEntry(model, LlamaSettings.PROVIDER, alias.path("model").asText(model), Tier.SMALL, "chat",
                        null, costed ? null : 0.0, costed ? null : 0.0, null, null, true,
                        costed ? "self-hosted: priced only from measured throughput" : "self-hosted: no machine cost, counted as 0", null);
                if (e.getKey().equals("default")) fallback = selfHosted;
                else roles.put(e.getKey(), selfHosted);
                continue;
            }
            if (alias.isObject()) model = alias.path("catalog").asText(alias.path("model").asText(alias.path("name").asText(model)));
            String m = model;
            CatalogEntry entry = cat.find(m).orElseThrow(() -> new AtelierException(source + ": role " + e.getKey() + " is bound to \"" + m
                    + "\", which is not in the model catalog; see `atelier models` or add it under catalog:", "config", null));
            if (e.getKey().equals("default")) fallback = entry;
            else roles.put(e.getKey(), entry);
        }
        return new RoleBindings(root.path("name").asText(source), roles, fallback,
                root.path("imageSize").asText("1024x1024"), root.path("imageQuality").asText("standard"));
    }

    public Optional<CatalogEntry> modelFor(String role) {
        return Optional.ofNullable(roles.getOrDefault(role, fallback));
    }
}
