package ai.atelier.economics;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads measured cost per site from atelier batch reports (a batch folder, or its batch.json) for the
 * TCO projection: each report is one point (batch size, mean cost per finished site) of its
 * workflow's curve, so several batches of one workflow at different sizes give the cost per site as
 * volume grows, measured instead of a constant.
 */
public final class BatchCosts {
    private BatchCosts() {}

    /** Workflow → its measured points, in the order given. */
    public static Map<String, List<TcoPlan.CostPoint>> read(List<Path> reports) {
        Map<String, List<TcoPlan.CostPoint>> out = new LinkedHashMap<>();
        for (Path given : reports) {
            Path file = Files.isDirectory(given) ? given.resolve("batch.json") : given;
            if (!Files.isRegularFile(file)) {
                throw new AtelierException("--from-batch " + given + ": no batch.json there; give the --out folder of an atelier batch run (or its batch.json)", "from-batch", null);
            }
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new AtelierException("--from-batch " + file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), "from-batch", e);
            }
            JsonNode cost = root == null ? null : root.path("costPerSiteUsd");
            int visitors = root == null ? 0 : root.path("visitors").asInt(0);
            if (root == null || !root.path("workflow").isTextual() || visitors <= 0) {
                throw new AtelierException("--from-batch " + file + " is not an atelier batch report (it needs workflow and visitors)", "from-batch", null);
            }
            if (cost == null || !cost.isNumber()) {
                throw new AtelierException("--from-batch " + file + " has no measured cost per site (no site of that batch finished)", "from-batch", null);
            }
            out.computeIfAbsent(root.get("workflow").asText(), k -> new ArrayList<>()).add(new TcoPlan.CostPoint(visitors, cost.asDouble()));
        }
        return out;
    }
}
