package ai.atelier.economics;

import ai.atelier.AtelierException;
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
import java.util.Random;

/**
 * The timings a latency replay imitates, per role: a log-normal latency (median and the sigma of
 * its logarithm) and, optionally, token counts drawn the same way. Read from YAML (see
 * {@code replay/aws-reference.yaml}); {@code default} covers roles not named. Every entry says what
 * its numbers are based on, because a replay is only as honest as its profile.
 */
public record ReplayProfile(String name, String source, long seed, Map<String, RoleTiming> roles) {
    public static final String BUNDLED = "aws-reference";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ReplayProfile {
        roles = Map.copyOf(roles);
    }

    /** A log-normal quantity: median, and sigma of its logarithm (0 = always the median). */
    public record Spread(double median, double sigma) {
        double sample(Random random) {
            return sigma == 0 ? median : median * Math.exp(sigma * random.nextGaussian());
        }
    }

    /** One role's timing; token spreads are null when the replay keeps the measured counts. */
    public record RoleTiming(Spread seconds, Spread inputTokens, Spread outputTokens, String basis) {}

    public Optional<RoleTiming> timing(String role) {
        return Optional.ofNullable(roles.getOrDefault(role, roles.get("default")));
    }

    /** A profile file, or the name of a bundled one ({@code replay/<name>.yaml}). */
    public static ReplayProfile load(String fileOrName) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            try {
                return parse(file.toString(), YAML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new AtelierException("replay profile " + file + " is not valid YAML" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p) : ": " + e.getMessage().lines().findFirst().orElse("")), "replay", e);
            }
        }
        try (InputStream in = ReplayProfile.class.getResourceAsStream("/replay/" + fileOrName + ".yaml")) {
            if (in == null || !fileOrName.matches("[a-z0-9-]+")) {
                throw new AtelierException("replay profile not found: " + fileOrName + "; give a YAML file or the bundled name " + BUNDLED, "replay", null);
            }
            return parse("replay/" + fileOrName + ".yaml", YAML.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("bundled replay profile unreadable", e);
        }
    }

    static ReplayProfile parse(String source, JsonNode root) {
        if (root == null || !root.path("roles").isObject()) throw new AtelierException("replay profile " + source + " needs a roles: map", "replay", null);
        Map<String, RoleTiming> roles = new LinkedHashMap<>();
        var it = root.get("roles").fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode n = e.getValue();
            double sigma = n.path("spread").asDouble(0);
            double median;
            if (n.has("medianSeconds")) median = n.get("medianSeconds").asDouble();
            else if (n.has("referenceTotalSeconds") && n.path("referenceCalls").asInt(0) > 0) {
                median = n.get("referenceTotalSeconds").asDouble() / n.get("referenceCalls").asInt();
            } else {
                throw new AtelierException("replay profile " + source + ": role " + e.getKey()
                        + " needs medianSeconds, or referenceTotalSeconds with referenceCalls", "replay", null);
            }
            if (!(median >= 0) || !(sigma >= 0) || median > 3600) {
                throw new AtelierException("replay profile " + source + ": role " + e.getKey() + " needs 0 <= medianSeconds <= 3600 and spread >= 0", "replay", null);
            }
            roles.put(e.getKey(), new RoleTiming(new Spread(median, sigma), tokens(n.get("inputTokens")), tokens(n.get("outputTokens")),
                    n.path("basis").asText("")));
        }
        return new ReplayProfile(root.path("name").asText(source), root.path("source").asText(source), root.path("seed").asLong(1), roles);
    }

    private static Spread tokens(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return new Spread(n.asDouble(), 0);
        return new Spread(n.path("median").asDouble(), n.path("spread").asDouble(0));
    }
}
