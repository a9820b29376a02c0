package ai.atelier.cli;

import ai.atelier.model.AtelierConfig;
import ai.atelier.model.wiring.ModelInventory;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.site.model.ConfiguredEngines;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier models}: the model catalog with prices, and which configured models can be reached. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the model catalog and the configured models.",
                "The catalog shows each model's tier, prices, context window and source; each configured model shows the roles "
                        + "bound to it and whether its credentials are present (never their values)."})
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Model configuration (YAML). Default: $ATELIER_CONFIG, else ./atelier.yaml if present.")
    Path config;

    @Option(names = "--wide", description = "Show every column (model ids, full prices, price sources) however wide; by default the tables fit 100 columns.")
    boolean wide;

    /** Terminal width the default tables fit. */
    static final int WIDTH = 100;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AtelierConfig c = ModelSetup.config(config);
        Providers providers = ai.atelier.model.wiring.StandardProviders.standard();
        Credentials creds = Credentials.fromEnvironment();
        ModelInventory inv = new ModelInventory(c, providers, creds);
        if (wide) {
            String fmt = "%-22s %-10s %-42s %-9s %-64s %10s  %s%n";
            out.printf(Locale.ROOT, fmt, "NAME", "PROVIDER", "MODEL ID", "TIER", "PRICE (USD)", "CONTEXT", "SOURCE");
            for (var r : inv.catalog()) out.printf(Locale.ROOT, fmt, r.name(), r.provider(), r.modelId(), r.tier(), r.price(), r.context(), r.source());
        } else {
            // 20 + 9 + 8 + 9 + 50 + 4 separators = 100
            String fmt = "%-20s %-9s %-8s %9s %s%n";
            out.printf(Locale.ROOT, fmt, "NAME", "PROVIDER", "TIER", "CONTEXT", "PRICE (USD)");
            for (var r : inv.catalog()) {
                out.printf(Locale.ROOT, fmt, cell(r.name(), 20), cell(r.provider(), 9), cell(r.tier(), 8), cell(r.context(), 9), cell(r.price(), 50));
            }
            out.println("(model ids and price sources: atelier models --wide)");
        }
        out.println();
        if (c.models().isEmpty()) {
            out.println("No models configured (" + c.source() + "): every role runs on the built-in engine. See docs/models.md and examples/config/.");
        } else {
            ConfiguredEngines engines = new ConfiguredEngines(c, providers, creds);
            out.println("Configured models (" + c.source() + "):");
            if (wide) {
                String f2 = "%-16s %-10s %-34s %-34s %s%n";
                out.printf(Locale.ROOT, f2, "NAME", "PROVIDER", "MODEL ID", "ROLES", "CREDENTIALS");
                for (var r : inv.configured(engines::price)) {
                    out.printf(Locale.ROOT, f2, r.name(), r.provider(), r.modelId(), r.roles(), r.credentials());
                    out.println("    price: " + r.price());
                }
            } else {
                // 16 + 10 + 30 + 41 + 3 separators = 100; credentials and price on their own lines
                String f2 = "%-16s %-10s %-30s %s%n";
                out.printf(Locale.ROOT, f2, "NAME", "PROVIDER", "MODEL ID", "ROLES");
                for (var r : inv.configured(engines::price)) {
                    out.printf(Locale.ROOT, f2, cell(r.name(), 16), cell(r.provider(), 10), cell(r.modelId(), 30), cell(r.roles(), 41));
                    out.println(cell("    credentials: " + r.credentials(), WIDTH));
                    out.println(cell("    price: " + r.price(), WIDTH));
                }
            }
            java.util.Map<String, Path> gguf = new java.util.LinkedHashMap<>();
            c.models().values().stream().filter(m -> m.embedded() != null).forEach(m -> gguf.put(m.name(), m.embedded().modelFile()));
            if (!gguf.isEmpty()) {
                out.println();
                out.println("In-process GGUF models (from each file's header; nothing is loaded to list them):");
                out.print(ai.atelier.model.llama.GgufModelInfo.tableOf(gguf));
            }
            var problems = ai.atelier.model.BindingCheck.standard().check(c);
            if (!problems.isEmpty()) {
                out.println();
                problems.forEach(p -> out.println("warning: " + p.message()));
            }
            if (c.budgetPerSiteUsd() != null) out.printf(Locale.ROOT, "Budget per site: $%.4f%n", c.budgetPerSiteUsd());
            out.println("Front-end developer mode: " + c.developerMode().name().toLowerCase(Locale.ROOT));
        }
        out.flush();
        return 0;
    }

    /** {@code text} cut to {@code width} characters, the cut marked with "…". */
    static String cell(String text, int width) {
        String t = text == null ? "" : text;
        return t.length() <= width ? t : t.substring(0, width - 1) + "…";
    }
}
