package ai.atelier.workflow;

import ai.atelier.site.ProfileReader;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * run.json: what a generation was asked to do (visitor, company folder, workflow) and what it was
 * bound to (the model config file, its content hash, the model each role resolved to), written
 * before the first step runs, so a failed or interrupted run can be inspected and resumed from its
 * folder alone, on the same models or, when told, on others.
 */
public record RunManifest(String siteId, String profileJson, String companyDir, WorkflowDefinition workflow, String startedAt,
                          Bindings bindings) {
    public static final String FILE = "run.json";

    /**
     * The model bindings of a run: the config file (absolute path, null for none: every role on
     * the built-in engine), the SHA-256 of its content, and the model each workflow role resolved to.
     */
    public record Bindings(String configPath, String configSha256, Map<String, String> models) {
        public static final Bindings NONE = new Bindings(null, null, Map.of());

        public Bindings {
            models = models == null ? Map.of() : Map.copyOf(models);
        }

        Bindings withModels(Map<String, String> m) {
            return new Bindings(configPath, configSha256, new TreeMap<>(m));
        }

        /** Whether two runs used the same config content (the path may move; the hash decides). */
        public boolean sameConfig(Bindings other) {
            return java.util.Objects.equals(configSha256, other.configSha256);
        }
    }

    public RunManifest {
        bindings = bindings == null ? Bindings.NONE : bindings;
    }

    static RunManifest of(SiteGeneration.Request req, Bindings bindings, ai.atelier.site.Engines engines) {
        Map<String, String> models = new TreeMap<>();
        req.workflow().steps().forEach(s -> models.put(s.role(), engines.modelFor(s.role())));
        return new RunManifest(req.siteId(), ProfileReader.toJson(req.profile()), req.company().dir().toString(),
                req.workflow(), Instant.now().toString(), bindings.withModels(models));
    }
}
