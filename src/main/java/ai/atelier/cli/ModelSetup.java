package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.provider.Providers;
import java.nio.file.Path;

/** How commands find the model configuration: --config, else $ATELIER_CONFIG, else ./atelier.yaml, else none. */
final class ModelSetup {
    private ModelSetup() {}

    /** The config file commands would read, in the same order as {@link #config}: --config, $ATELIER_CONFIG, ./atelier.yaml; null for none. */
    static Path configFile(Path explicit) {
        if (explicit != null) return explicit;
        String env = System.getenv(ai.atelier.model.ConfigLoader.ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        Path local = Path.of("").toAbsolutePath().resolve("atelier.yaml");
        return java.nio.file.Files.isRegularFile(local) ? local : null;
    }

    static AtelierConfig config(Path explicit) {
        return new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).locate(explicit, System::getenv, Path.of("").toAbsolutePath());
    }

    /**
     * The engines a config asks for: model-backed roles when it defines models, else the built-in
     * engine (a config with only a roles: map of catalog names is a pricing basis, not a binding).
     */
    static ai.atelier.site.Engines engines(Path explicit) {
        AtelierConfig c = explicit != null && !definesModels(explicit) ? null : config(explicit);
        return c == null || (c.models().isEmpty() && c.roles().isEmpty()) ? new ai.atelier.site.builtin.BuiltinEngines()
                : new ai.atelier.site.model.ConfiguredEngines(c, ai.atelier.model.wiring.StandardProviders.standard(), ai.atelier.model.provider.Credentials.fromEnvironment());
    }

    private static boolean definesModels(Path file) {
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
            return root != null && root.path("models").isObject() && root.path("models").size() > 0;
        } catch (java.io.IOException e) {
            return true; // let the config loader report what is wrong with the file
        }
    }

    static Atelier atelier(Path explicit) {
        return atelier(explicit, ai.atelier.quality.QualityConfig.load(null, System.getenv()));
    }

    static Atelier atelier(Path explicit, ai.atelier.quality.QualityConfig quality) {
        return atelier(explicit, quality, ai.atelier.telemetry.Telemetry.off());
    }

    /** With telemetry, which the Atelier then owns (closing it flushes the last spans and metrics). */
    static Atelier atelier(Path explicit, ai.atelier.quality.QualityConfig quality, ai.atelier.telemetry.Telemetry telemetry) {
        AtelierConfig c = config(explicit);
        return c.models().isEmpty() && c.roles().isEmpty() ? Atelier.builtin(quality, telemetry)
                : Atelier.fromConfig(c, ai.atelier.quality.QaAgent.create(quality), telemetry);
    }
}
