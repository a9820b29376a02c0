package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.provider.Providers;
import java.nio.file.Path;

/** How commands find the model configuration: --config, else $ATELIER_CONFIG, else ./atelier.yaml, else none. */
final class ModelSetup {
    private ModelSetup() {}

    static AtelierConfig config(Path explicit) {
        return new ConfigLoader(Providers.standard().keywords()).locate(explicit, System::getenv, Path.of("").toAbsolutePath());
    }

    static Atelier atelier(Path explicit) {
        AtelierConfig c = config(explicit);
        return c.models().isEmpty() && c.roles().isEmpty() ? Atelier.builtin() : Atelier.fromConfig(c);
    }
}
