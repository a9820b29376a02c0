package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.model.ModelCatalog;
import ai.atelier.quality.QaAgent;
import ai.atelier.runs.ExampleProfiles;
import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.runs.RunStore;
import ai.atelier.server.AtelierServer;
import ai.atelier.server.ServerSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier serve}: the HTTP API and web UI over the same generation the CLI runs. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API and the web UI: start generations, watch each agent step live, browse past runs.",
                "Secrets come from the environment only: ATELIER_API_TOKEN (required for POST when set), ATELIER_DB_PASSWORD.",
                "Runs and reports are kept in an H2 file under --data unless --db-url (or ATELIER_DB_URL) names PostgreSQL."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "atelier-data", description = "Data folder: generated sites and the H2 run database (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "Model config binding roles to models (see docs/models.md); default: $ATELIER_CONFIG, ./atelier.yaml, else the built-in engine.")
    Path config;

    @Option(names = "--company", paramLabel = "DIR", description = "Company knowledge folder (default: the bundled example company).")
    Path company;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:ATELIER_DB_URL}",
            description = "Run database, e.g. jdbc:postgresql://localhost:5432/atelier (default: an H2 file under --data; env ATELIER_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:ATELIER_DB_USER}", description = "Database user (env ATELIER_DB_USER; the password only from ATELIER_DB_PASSWORD).")
    String dbUser;

    @Option(names = "--max-concurrent", defaultValue = "2", description = "Generations running at once (default ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--queue", defaultValue = "20", description = "Generations that may wait for a slot; beyond that POST answers 503 (default ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--rate-limit", defaultValue = "30", paramLabel = "PER_MINUTE",
            description = "New generations per minute per client address, bursts of 10; beyond that 429 (default ${DEFAULT-VALUE}; 0 = off).")
    int rateLimit;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "A Host name this server answers besides localhost, 127.0.0.1 and [::1] (repeatable), e.g. atelier.example.com; other names get 421 (DNS rebinding).")
    List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--resume-interrupted", description = "At start, resume every run the last stop cut off (finished steps are kept); without it they stay interrupted until POST /api/sites/{id}/resume.")
    boolean resumeInterrupted;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ai.atelier.site.Engines engines = ModelSetup.engines(config);
        // OpenTelemetry export when the standard OTEL_* variables ask for it (docs/observability.md)
        Atelier atelier = new Atelier(engines, QaAgent.standard(), ai.atelier.economics.CostEstimator.reference(),
                ai.atelier.workflow.Promotion.NONE, ai.atelier.telemetry.Telemetry.fromEnvironment());
        if (GenerateCommand.refused(spec.commandLine().getErr(), atelier.bindingProblems())) {
            atelier.close();
            return AtelierCommand.EXIT_BAD_INPUT;
        }
        RunDatabase db = dbUrl == null || dbUrl.isBlank() ? RunDatabase.h2In(data)
                : new RunDatabase(dbUrl, dbUser == null ? "" : dbUser, envOrEmpty("ATELIER_DB_PASSWORD"));
        RunStore store = new RunStore(db);
        RunService runs = new RunService(atelier, atelier.loadCompany(company != null ? company : AtelierCommand.defaultCompany()), store, data,
                new RunService.Limits(maxConcurrent, queue), engines::modelFor, ModelCatalog.bundled());
        String apiToken = System.getenv("ATELIER_API_TOKEN");
        if (apiToken != null && apiToken.isBlank()) {
            out.println("warning: ATELIER_API_TOKEN is set but empty; treating it as unset: no token is required. Give it a value to require one.");
            apiToken = null;
        }
        ServerSettings settings = new ServerSettings(host, port, ServerSettings.DEFAULT_MAX_BODY, apiToken, rateLimit, 10, allowedHosts);
        AtelierServer server;
        try {
            server = new AtelierServer(runs, new ExampleProfiles(examplesDir()), settings, "0.1.0").start();
        } catch (RuntimeException e) {
            runs.close();
            store.close();
            atelier.close();
            throw new AtelierException("cannot listen on " + host + ":" + port + " (" + firstLine(e) + "); choose another --port or stop what uses it", "port", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            runs.close();
            store.close();
            atelier.close();
            stopped.countDown();
        }, "atelier-shutdown"));
        out.println("Atelier is serving on http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/");
        out.println("Data: " + data.toAbsolutePath().normalize() + "   Runs database: " + db.describe()
                + "   API token: " + (settings.apiToken() == null ? "not required (set ATELIER_API_TOKEN to require one)" : "required"));
        if (!runs.interruptedAtStart().isEmpty()) out.println(runs.interruptedAtStart().size() + " run(s) cut off by the last stop are marked interrupted.");
        List<String> interrupted = runs.interrupted();
        if (!interrupted.isEmpty() && !resumeInterrupted) {
            out.println(interrupted.size() + " interrupted run(s): resume one with POST /api/sites/{id}/resume, or all at start with --resume-interrupted.");
        }
        if (resumeInterrupted) {
            int resumed = 0;
            for (String id : interrupted) {
                try {
                    runs.resume(id);
                    resumed++;
                } catch (RuntimeException e) {
                    out.println("not resumed: " + id + ": " + firstLine(e));
                }
            }
            if (!interrupted.isEmpty()) out.println("Resuming " + resumed + " interrupted run(s); their finished steps are kept.");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static Path examplesDir() {
        Path p = AtelierCommand.home().resolve("examples/profiles");
        return Files.isDirectory(p) ? p : Path.of("examples/profiles");
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String envOrEmpty(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }
}
