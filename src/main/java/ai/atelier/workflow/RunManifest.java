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

        /** Bindings for a config file (null: none, every role on the built-in engine), hashed now. */
        public static Bindings of(java.nio.file.Path configFile) {
            if (configFile == null) return NONE;
            try {
                byte[] content = java.nio.file.Files.readAllBytes(configFile);
                return new Bindings(configFile.toAbsolutePath().normalize().toString(), sha256(content), Map.of());
            } catch (java.io.IOException e) {
                throw new ai.atelier.AtelierException("cannot read config " + configFile + ": " + e.getMessage(), "config", e);
            }
        }

        private static String sha256(byte[] b) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        /** How a config is named to a user: its path, or "no config (the built-in engine)". */
        public String describe() {
            return configPath == null ? "no config (every role on the built-in engine)"
                    : configPath + " (sha256 " + configSha256.substring(0, 12) + "…)";
        }

        /**
         * Which config a resume of a run bound to {@code this} should use, given the config the
         * user named now ({@code given}, null for none named: no --config, $ATELIER_CONFIG or
         * ./atelier.yaml). With none named, the recorded one is used when it is still there with
         * the same content. Anything else is refused with one line saying what differs, unless
         * {@code rebind}: then the named config (or none) is used.
         */
        public java.nio.file.Path configForResume(java.nio.file.Path given, boolean rebind) {
            if (given == null && configPath != null) {
                java.nio.file.Path recorded = java.nio.file.Path.of(configPath);
                if (java.nio.file.Files.isRegularFile(recorded) && sameConfig(of(recorded))) return recorded;
                if (rebind) return null;
                throw new ai.atelier.AtelierException("this run was bound to " + describe() + (java.nio.file.Files.isRegularFile(recorded)
                        ? ", which has changed since" : ", which is gone") + "; restore it, pass --config FILE, or add --rebind to resume on the built-in engine",
                        "config", null);
            }
            Bindings now = of(given);
            if (sameConfig(now) || rebind) return given;
            throw new ai.atelier.AtelierException("this run was bound to " + describe() + " but the config now is " + now.describe()
                    + "; resume with the same config, or add --rebind to run the remaining steps on the new bindings", "config", null);
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
