package ai.atelier.model;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and reads the YAML configuration: {@code --config FILE}, else the file named by
 * {@code ATELIER_CONFIG}, else {@code ./atelier.yaml} when present, else none (every role on the
 * built-in engine). Every mistake is reported as one line naming the file, the field and the fix;
 * nothing that looks like a key is accepted in the file.
 */
public final class ConfigLoader {
    /** The environment variable that names a config file. */
    public static final String ENV = "ATELIER_CONFIG";
    static final Set<String> TOP = Set.of("models", "roles", "escalation", "budget", "developer", "cache", "catalog");
    static final Set<String> MODEL_KEYS = Set.of("provider", "model", "baseUrl", "apiKeyEnv", "region", "catalog", "timeout",
            "maxRetries", "concurrency", "structuredOutput", "maxOutputTokens", "imageSize", "imageQuality", "contextWindow", "maxResponseBytes");
    /** An in-process GGUF model: the call settings that still apply, plus the load and sampling settings of {@link LlamaSettings}. */
    static final Set<String> EMBEDDED_KEYS = union(Set.of("provider", "catalog", "timeout", "maxRetries", "concurrency", "maxOutputTokens"),
            LlamaSettings.KEYS);
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Set<String> providers;

    /** @param providers the provider keywords this build knows (see {@code Providers}) */
    public ConfigLoader(Set<String> providers) {
        this.providers = Set.copyOf(providers);
    }

    /** The config to use: explicit file, else $ATELIER_CONFIG, else ./atelier.yaml, else none. */
    public AtelierConfig locate(Path explicit, Function<String, String> env, Path workingDir) {
        if (explicit != null) return load(explicit);
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return load(Path.of(fromEnv));
        Path local = workingDir.resolve("atelier.yaml");
        return Files.isRegularFile(local) ? load(local) : AtelierConfig.none();
    }

    public AtelierConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AtelierException("config file " + file + " does not exist; pass an existing YAML file to --config (see examples/config/)", "config", null);
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new AtelierException("config " + file + " is not valid YAML" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p) : ": " + firstLine(e.getMessage())), "config", e);
        }
        return parse(root, file.toString(), file.toAbsolutePath().getParent());
    }

    public AtelierConfig parse(JsonNode root, String src) {
        return parse(root, src, null);
    }

    /** @param configDir the config file's folder, against which relative model file paths are resolved (null: the working directory) */
    public AtelierConfig parse(JsonNode root, String src, Path configDir) {
        if (root == null || root.isMissingNode() || root.isNull()) return AtelierConfig.none();
        if (!root.isObject()) throw bad(src, "must be a YAML mapping with models:, roles: …");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k)) throw bad(src, "unknown section \"" + k + "\"; known sections: " + String.join(", ", sorted(TOP)));
        }
        List<CatalogEntry> catalog = root.has("catalog") ? ModelCatalog.parse(root.get("catalog"), src + " catalog") : List.of();
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        JsonNode ms = root.path("models");
        if (!ms.isMissingNode() && !ms.isObject()) throw bad(src, "models: must map a model name to its settings");
        ms.fields().forEachRemaining(e -> models.put(e.getKey(), model(src, e.getKey(), e.getValue(), configDir)));

        Map<String, String> roles = new LinkedHashMap<>();
        JsonNode rs = root.path("roles");
        if (!rs.isMissingNode() && !rs.isObject()) throw bad(src, "roles: must map a role to a model name");
        rs.fields().forEachRemaining(e -> {
            String model = e.getValue().asText();
            if (!e.getKey().matches("[a-z0-9-]+")) throw bad(src, "role \"" + e.getKey() + "\" is not a role name");
            if (!models.containsKey(model) && !"builtin".equals(model)) {
                throw bad(src, "role " + e.getKey() + " is bound to \"" + model + "\", which is not defined under models:"
                        + (models.isEmpty() ? " (none are)" : " (defined: " + String.join(", ", models.keySet()) + ")"));
            }
            if (!"builtin".equals(model)) roles.put(e.getKey(), model);
        });

        Map<String, List<String>> escalation = new LinkedHashMap<>();
        root.path("escalation").fields().forEachRemaining(e -> {
            List<String> ladder = new ArrayList<>();
            if (e.getValue().isTextual()) ladder.add(e.getValue().asText());
            else e.getValue().forEach(n -> ladder.add(n.asText()));
            for (String m : ladder) {
                if (!models.containsKey(m)) throw bad(src, "escalation for " + e.getKey() + " names \"" + m + "\", which is not defined under models:");
            }
            escalation.put(e.getKey(), List.copyOf(ladder));
        });

        Double budget = null;
        JsonNode b = root.path("budget").path("perSiteUsd");
        if (!b.isMissingNode()) {
            if (!b.isNumber() || b.asDouble() <= 0) throw bad(src, "budget.perSiteUsd must be a positive number of US dollars, e.g. 0.05");
            budget = b.asDouble();
        }
        AtelierConfig.DeveloperMode mode = AtelierConfig.DeveloperMode.TEMPLATE;
        JsonNode dm = root.path("developer").path("mode");
        if (!dm.isMissingNode()) {
            try {
                mode = AtelierConfig.DeveloperMode.valueOf(dm.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(src, "developer.mode is \"" + dm.asText() + "\"; use template or code");
            }
        }
        ModelCatalog merged = ModelCatalog.bundled().with(catalog);
        for (ModelSpec m : models.values()) {
            if (m.catalog() != null && merged.find(m.catalog()).isEmpty()) {
                throw bad(src, "model " + m.name() + " names catalog entry \"" + m.catalog() + "\", which is neither bundled nor under catalog:");
            }
        }
        return new AtelierConfig(models, roles, escalation, budget, mode, root.path("cache").asBoolean(false), catalog, src);
    }

    private ModelSpec model(String src, String name, JsonNode n, Path configDir) {
        if (!n.isObject()) throw bad(src, "model " + name + " must be a mapping with provider: and model:");
        boolean embedded = LlamaSettings.PROVIDER.equalsIgnoreCase(n.path("provider").asText(""));
        Set<String> known = embedded ? EMBEDDED_KEYS : MODEL_KEYS;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.toLowerCase(Locale.ROOT).matches("(api)?_?key|secret.*|token|password|accesskey.*|secretaccesskey")) {
                throw bad(src, "model " + name + " has \"" + k + "\": never put keys in the config; set apiKeyEnv: to the NAME of an environment variable");
            }
            if (!known.contains(k)) {
                throw bad(src, "model " + name + " has unknown setting \"" + k + "\"" + (embedded ? " for provider " + LlamaSettings.PROVIDER : "")
                        + "; known: " + String.join(", ", sorted(known)));
            }
        }
        String provider = n.path("provider").asText(null);
        if (provider == null) throw bad(src, "model " + name + " has no provider:; use one of " + String.join(", ", sorted(providers)));
        provider = provider.toLowerCase(Locale.ROOT);
        if (!providers.contains(provider)) {
            throw bad(src, "model " + name + " has unknown provider \"" + provider + "\"; use one of " + String.join(", ", sorted(providers)));
        }
        if (embedded) return embedded(src, name, n, configDir);
        String modelId = n.path("model").asText(null);
        if (modelId == null || modelId.isBlank()) throw bad(src, "model " + name + " has no model: (the provider's model id, e.g. gpt-4o-mini)");
        String keyEnv = n.path("apiKeyEnv").asText(null);
        if (keyEnv != null && !ENV_NAME.matcher(keyEnv).matches()) {
            throw bad(src, "model " + name + ": apiKeyEnv must be the NAME of an environment variable (like OPENAI_API_KEY), not a key");
        }
        String baseUrl = n.path("baseUrl").asText(null);
        if (baseUrl != null && !baseUrl.matches("(?i)https?://\\S+")) throw bad(src, "model " + name + ": baseUrl must be an http(s) URL, got \"" + baseUrl + "\"");
        ModelSpec.StructuredOutput so = ModelSpec.StructuredOutput.NATIVE;
        if (n.has("structuredOutput")) {
            try {
                so = ModelSpec.StructuredOutput.valueOf(n.get("structuredOutput").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(src, "model " + name + ": structuredOutput must be native or prompt");
            }
        }
        return new ModelSpec(name, provider, modelId, baseUrl, keyEnv, n.path("region").asText(null), n.path("catalog").asText(null),
                n.has("timeout") ? duration(src, name, n.get("timeout").asText()) : ModelSpec.DEFAULT_TIMEOUT,
                positive(src, name, n, "maxRetries", ModelSpec.DEFAULT_MAX_RETRIES, true),
                positive(src, name, n, "concurrency", ModelSpec.DEFAULT_CONCURRENCY, false), so,
                positive(src, name, n, "maxOutputTokens", ModelSpec.DEFAULT_MAX_OUTPUT_TOKENS, false),
                n.path("imageSize").asText("1024x1024"), n.path("imageQuality").asText("standard"), null,
                n.has("contextWindow") ? positive(src, name, n, "contextWindow", 0, false) : null,
                n.has("maxResponseBytes") ? positive(src, name, n, "maxResponseBytes", 0, false) : null);
    }

    /** A GGUF file run in-process: {@code model:} is the file, resolved against the config file's folder. */
    private static ModelSpec embedded(String src, String name, JsonNode n, Path configDir) {
        ObjectNode own = YAML.createObjectNode();
        n.fields().forEachRemaining(f -> {
            if (f.getKey().equals("provider") || LlamaSettings.KEYS.contains(f.getKey())) own.set(f.getKey(), f.getValue());
        });
        LlamaSettings settings;
        try {
            settings = LlamaSettings.parse(name, own, configDir);
        } catch (AtelierException e) {
            throw bad(src, e.getMessage());
        }
        return new ModelSpec(name, LlamaSettings.PROVIDER, settings.modelFile().toString(), null, null, null, n.path("catalog").asText(null),
                n.has("timeout") ? duration(src, name, n.get("timeout").asText()) : ModelSpec.DEFAULT_TIMEOUT,
                positive(src, name, n, "maxRetries", ModelSpec.DEFAULT_MAX_RETRIES, true),
                positive(src, name, n, "concurrency", ModelSpec.DEFAULT_CONCURRENCY, false), ModelSpec.StructuredOutput.NATIVE,
                positive(src, name, n, "maxOutputTokens", ModelSpec.DEFAULT_MAX_OUTPUT_TOKENS, false), null, null, settings);
    }

    private static int positive(String src, String model, JsonNode n, String key, int dflt, boolean zeroOk) {
        if (!n.has(key)) return dflt;
        JsonNode v = n.get(key);
        if (!v.canConvertToInt() || v.asInt() < (zeroOk ? 0 : 1)) {
            throw bad(src, "model " + model + ": " + key + " must be a whole number " + (zeroOk ? ">= 0" : ">= 1") + ", got " + v.asText());
        }
        return v.asInt();
    }

    static Duration duration(String src, String model, String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (m.matches()) {
            long v = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(v);
                case "s" -> Duration.ofSeconds(v);
                default -> Duration.ofMinutes(v);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw bad(src, "model " + model + ": timeout \"" + text + "\" is not a duration; write e.g. 90s, 500ms or 2m");
        }
    }

    private static AtelierException bad(String src, String what) {
        return new AtelierException("config " + src + ": " + what, "config", null);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
    }
}
