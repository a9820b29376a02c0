package ai.atelier.quality;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How QA judges: each check's weight in the score and severity (blocking or advisory), whether
 * browser checks run and in which Chromium, and how many revision rounds a failing page gets.
 * Defaults live in resources/quality/weights.yaml; a user file overrides any of them, so a team
 * can tune the gate without touching code.
 */
public record QualityConfig(Map<String, Double> weights, Map<String, CheckResult.Severity> severities,
                            boolean browserEnabled, Path chromium, int maxReviseRounds, boolean reviseBuiltin,
                            Map<String, String> categories, Map<String, Axis> axes) {
    /** A sub-score's weight in the overall score and the threshold (0–100) below which it fails the gate. */
    public record Axis(double weight, double threshold) {}

    /** The sub-score a check counts in when weights.yaml names none. */
    static final String DEFAULT_CATEGORY = "technical";

    public QualityConfig {
        weights = Map.copyOf(weights);
        severities = Map.copyOf(severities);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        axes = axes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        if (maxReviseRounds < 0) throw new IllegalArgumentException("maxReviseRounds must be >= 0");
    }

    public QualityConfig(Map<String, Double> weights, Map<String, CheckResult.Severity> severities,
                         boolean browserEnabled, Path chromium, int maxReviseRounds, boolean reviseBuiltin) {
        this(weights, severities, browserEnabled, chromium, maxReviseRounds, reviseBuiltin, Map.of(), Map.of());
    }

    /** The bundled defaults, with the ATELIER_BROWSER and ATELIER_CHROMIUM environment overrides applied. */
    public static QualityConfig defaults() {
        return load(null, System.getenv());
    }

    /** The defaults overridden by {@code file} (when not null), then by the environment. */
    public static QualityConfig load(Path file, Map<String, String> env) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, CheckResult.Severity> severities = new LinkedHashMap<>();
        boolean[] browser = {true};
        Path[] chromium = {Path.of("/usr/bin/chromium")};
        int[] rounds = {2};
        boolean[] reviseBuiltin = {false};
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, Axis> axes = new LinkedHashMap<>();
        try (InputStream in = QualityConfig.class.getResourceAsStream("/quality/weights.yaml")) {
            apply(yaml.readTree(in), "quality/weights.yaml", weights, severities, browser, chromium, rounds, reviseBuiltin, categories, axes);
        } catch (IOException e) {
            throw new IllegalStateException("bundled quality/weights.yaml unreadable", e);
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new AtelierException("quality config " + file + " not found; give a YAML file like resources/quality/weights.yaml", "quality", null);
            try {
                apply(yaml.readTree(file.toFile()), file.toString(), weights, severities, browser, chromium, rounds, reviseBuiltin, categories, axes);
            } catch (IOException e) {
                throw new AtelierException("quality config " + file + " is not valid YAML" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p) : ": " + e.getMessage().lines().findFirst().orElse("")), "quality", e);
            }
        }
        String off = env.getOrDefault("ATELIER_BROWSER", "");
        if (off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false") || off.equals("0")) browser[0] = false;
        String exe = env.get("ATELIER_CHROMIUM");
        if (exe != null && !exe.isBlank()) chromium[0] = Path.of(exe);
        return new QualityConfig(weights, severities, browser[0], chromium[0], rounds[0], reviseBuiltin[0], categories, axes);
    }

    /** The first of the listed browsers that is installed here, else the last one (so "not found" names it). */
    private static Path firstInstalled(JsonNode list, String source) {
        if (list.isEmpty()) throw new AtelierException(source + ": browser.executable lists no browser; give a path or a list of paths", "quality", null);
        Path last = null;
        for (JsonNode n : list) {
            last = Path.of(n.asText());
            if (Files.isExecutable(last)) return last;
        }
        return last;
    }

    private static void apply(JsonNode root, String source, Map<String, Double> weights, Map<String, CheckResult.Severity> severities,
                              boolean[] browser, Path[] chromium, int[] rounds, boolean[] reviseBuiltin,
                              Map<String, String> categories, Map<String, Axis> axes) {
        if (root == null || root.isMissingNode() || root.isNull()) return;
        root.path("subscores").fields().forEachRemaining(e -> {
            JsonNode a = e.getValue();
            Axis old = axes.getOrDefault(e.getKey(), new Axis(1, 0));
            double w = a.has("weight") ? a.path("weight").asDouble(-1) : old.weight();
            double t = a.has("threshold") ? a.path("threshold").asDouble(-1) : old.threshold();
            if (w < 0) throw new AtelierException(source + ": subscores." + e.getKey() + ".weight must be a number >= 0", "quality", null);
            if (t < 0 || t > 100) throw new AtelierException(source + ": subscores." + e.getKey() + ".threshold must be a number from 0 to 100", "quality", null);
            axes.put(e.getKey(), new Axis(w, t));
        });
        root.path("checks").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            if (c.has("weight")) {
                double w = c.path("weight").asDouble(-1);
                if (w < 0) throw new AtelierException(source + ": checks." + e.getKey() + ".weight must be a number >= 0", "quality", null);
                weights.put(e.getKey(), w);
            }
            if (c.has("category")) {
                String cat = c.path("category").asText();
                if (!axes.containsKey(cat)) throw new AtelierException(source + ": checks." + e.getKey() + ".category must be one of " + axes.keySet() + ", not \"" + cat + "\"", "quality", null);
                categories.put(e.getKey(), cat);
            }
            if (c.has("severity")) {
                String s = c.path("severity").asText().toUpperCase(Locale.ROOT);
                try {
                    severities.put(e.getKey(), CheckResult.Severity.valueOf(s));
                } catch (IllegalArgumentException bad) {
                    throw new AtelierException(source + ": checks." + e.getKey() + ".severity must be blocking or advisory, not \""
                            + c.path("severity").asText() + "\"", "quality", null);
                }
            }
        });
        JsonNode b = root.path("browser");
        if (b.has("enabled")) browser[0] = b.path("enabled").asBoolean(true);
        if (b.path("executable").isArray()) chromium[0] = firstInstalled(b.path("executable"), source);
        else if (b.hasNonNull("executable")) chromium[0] = Path.of(b.path("executable").asText());
        JsonNode r = root.path("revise");
        if (r.has("maxRounds")) {
            int n = r.path("maxRounds").asInt(-1);
            if (n < 0 || n > 10) throw new AtelierException(source + ": revise.maxRounds must be between 0 and 10", "quality", null);
            rounds[0] = n;
        }
        if (r.has("rerunBuiltin")) reviseBuiltin[0] = r.path("rerunBuiltin").asBoolean(false);
    }

    public QualityConfig withBrowser(boolean enabled) {
        return new QualityConfig(weights, severities, enabled, chromium, maxReviseRounds, reviseBuiltin, categories, axes);
    }

    public QualityConfig withMaxReviseRounds(int rounds) {
        return new QualityConfig(weights, severities, browserEnabled, chromium, rounds, reviseBuiltin, categories, axes);
    }

    /** Re-run steps bound to the deterministic built-in engine too (only useful to measure what a round costs). */
    public QualityConfig withReviseBuiltin(boolean rerun) {
        return new QualityConfig(weights, severities, browserEnabled, chromium, maxReviseRounds, rerun, categories, axes);
    }

    String category(String check) {
        return categories.getOrDefault(check, DEFAULT_CATEGORY);
    }

    double weight(String check) {
        return weights.getOrDefault(check, 1.0);
    }

    CheckResult.Severity severity(String check, CheckResult.Severity fallback) {
        return severities.getOrDefault(check, fallback);
    }
}
