package ai.atelier.economics;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the mean cost per site of each workflow from a comparison's report.json, for the TCO
 * projection: the estimated cost (what built-in or replayed runs would cost on the bound models)
 * or the measured one.
 */
public final class CompareCosts {
    private CompareCosts() {}

    public static Map<String, Double> read(Path reportJson, boolean estimated) {
        if (!Files.isRegularFile(reportJson)) throw new AtelierException("--from-compare " + reportJson + " not found; give the report.json that atelier compare wrote", "from-compare", null);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(reportJson.toFile());
        } catch (IOException e) {
            throw new AtelierException("--from-compare " + reportJson + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), "from-compare", e);
        }
        if (!root.path("workflows").isArray()) throw new AtelierException("--from-compare " + reportJson + " has no workflows; is it a compare report.json?", "from-compare", null);
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode w : root.get("workflows")) {
            JsonNode mean = w.path(estimated ? "estimatedCostUsd" : "costUsd").path("mean");
            if (mean.isNumber()) out.put(w.path("workflow").asText(), mean.asDouble());
        }
        if (out.isEmpty()) {
            throw new AtelierException("--from-compare " + reportJson + " has no " + (estimated ? "estimated" : "measured") + " cost per site for any workflow", "from-compare", null);
        }
        return out;
    }
}
