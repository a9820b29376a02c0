package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.economics.CostEstimator;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.provider.Providers;
import ai.atelier.quality.QualityConfig;
import ai.atelier.telemetry.Telemetry;
import ai.atelier.workflow.RunManifest;
import java.nio.file.Path;

/**
 * How commands find the model configuration (--config, else $ATELIER_CONFIG, else ./atelier.yaml,
 * else none) and the one way they build an {@link Atelier} from it, so generate, serve and compare
 * get the same models, escalation ladders, quality settings and accounting.
 */
final class ModelSetup {
    private ModelSetup() {}

    /** The config file commands would read, in the same order as {@link #config}: --config, $ATELIER_CONFIG, ./atelier.yaml; null for none. */
    static Path configFile(Path explicit) {
        if (explicit != null) return explicit;
        String env = System.getenv(ConfigLoader.ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        Path local = Path.of("").toAbsolutePath().resolve("atelier.yaml");
        return java.nio.file.Files.isRegularFile(local) ? local : null;
    }

    static AtelierConfig config(Path explicit) {
        return new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).locate(explicit, System::getenv, Path.of("").toAbsolutePath());
    }

    /**
     * The models a config file binds, or null for the built-in engine: none found, or a file with no
     * {@code models:} (a {@code roles:} map of catalog names is a pricing basis, not a binding).
     */
    static AtelierConfig bindings(Path file) {
        if (file != null && !definesModels(file)) return null;
        AtelierConfig c = config(file);
        return c.models().isEmpty() && c.roles().isEmpty() ? null : c;
    }

    /**
     * The one wiring of every command that makes sites: the models of {@code configFile} (as
     * {@link #configFile} found it; null: the built-in engine) with revisions escalating along its
     * ladders, the company, the quality settings, step estimates on the bundled reference config
     * (compare prices on its --config instead), the config recorded in every run.json, and telemetry
     * (which the Atelier then owns).
     */
    static Atelier.Builder builder(Path configFile, Path companyDir, QualityConfig quality, Telemetry telemetry) {
        return Atelier.builder()
                .config(bindings(configFile))
                .company(companyDir)
                .quality(quality)
                .pricer(CostEstimator.reference())
                .bindings(RunManifest.Bindings.of(configFile))
                .telemetry(telemetry);
    }

    private static boolean definesModels(Path file) {
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
            return root != null && root.path("models").isObject() && root.path("models").size() > 0;
        } catch (java.io.IOException e) {
            return true; // let the config loader report what is wrong with the file
        }
    }
}
