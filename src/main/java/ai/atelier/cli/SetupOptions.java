package ai.atelier.cli;

import ai.atelier.quality.QualityConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that makes or checks a site shares, as picocli mixins, so
 * {@code generate}, {@code serve}, {@code compare} and {@code check} spell, describe and default
 * them the same way: the company folder, the model config, and the quality settings.
 */
final class SetupOptions {
    private SetupOptions() {}

    /** {@code --company DIR}. */
    static final class CompanyOption {
        @Option(names = "--company", paramLabel = "DIR", description = "Company knowledge folder (default: the bundled example company).")
        Path company;

        /** The folder given, else the bundled example company. */
        Path dir() {
            return company != null ? company : AtelierCommand.defaultCompany();
        }

        boolean given() {
            return company != null;
        }
    }

    /** {@code --config FILE}. */
    static final class ConfigOption {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Model configuration binding roles to models (YAML; see docs/models.md). Default: $ATELIER_CONFIG, "
                        + "else ./atelier.yaml if present, else every role on the built-in engine.")
        Path config;
    }

    /** {@code --quality FILE} and {@code --no-browser}. */
    static final class QualityOptions {
        @Option(names = "--no-browser", description = "Skip the browser checks (axe-core, phone layout, runtime requests, screenshots); they are reported as skipped.")
        boolean noBrowser;

        @Option(names = "--quality", paramLabel = "FILE",
                description = "QA weights, thresholds, severities, browser and revise rounds (YAML; overrides the bundled quality/weights.yaml).")
        Path quality;

        /** The bundled settings, overridden by --quality's file and the environment, with the browser off for --no-browser. */
        QualityConfig config() {
            QualityConfig q = QualityConfig.load(quality, System.getenv());
            return noBrowser ? q.withBrowser(false) : q;
        }
    }
}
