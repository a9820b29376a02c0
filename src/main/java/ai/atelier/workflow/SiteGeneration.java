package ai.atelier.workflow;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.TokenCounter;
import ai.atelier.site.Profile;
import ai.atelier.site.WebsiteSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One site generation, the self-contained unit of work: (profile, company, retriever, workflow)
 * in, a site folder with report.json out. It holds no state between runs, so a batch engine or the
 * server can run many at once. The report is written whether the run succeeds or fails.
 */
public final class SiteGeneration {
    private final Orchestrator orchestrator;
    private final Crew crew;

    public SiteGeneration(Orchestrator orchestrator, Crew crew) {
        this.orchestrator = orchestrator;
        this.crew = crew;
    }

    public record Request(String siteId, Profile profile, Company company, Retriever retriever, WorkflowDefinition workflow, Path outDir) {}

    public record Result(Path dir, SiteReport report) {
        public boolean ok() {
            return SiteReport.OK.equals(report.status());
        }
    }

    public Result run(Request req, RunListener listener) {
        SiteFolder folder = new SiteFolder(req.outDir());
        SiteState state = new SiteState(req.profile(), req.company(), req.retriever(), folder);
        Orchestrator.Trace trace = orchestrator.run(req.workflow(), crew, state, listener);
        SiteReport report = report(req, state, trace, folder);
        folder.writeJson("report.json", report);
        return new Result(folder.root(), report);
    }

    private static SiteReport report(Request req, SiteState state, Orchestrator.Trace trace, SiteFolder folder) {
        List<StepSpan> spans = trace.spans();
        Double cost = 0.0;
        long in = 0, out = 0;
        int modelSteps = 0, calls = 0;
        boolean estimated = false;
        for (StepSpan s : spans) {
            in += s.inputTokens();
            out += s.outputTokens();
            estimated |= s.tokensEstimated();
            cost = cost == null || s.costUsd() == null ? null : cost + s.costUsd();
            if (!s.calls().isEmpty()) modelSteps++;
            calls += s.calls().size();
        }
        var quality = state.quality();
        String status = trace.ok() && quality != null && quality.passed() ? SiteReport.OK : SiteReport.FAILED;
        String error = trace.error();
        if (trace.ok() && quality != null && !quality.passed()) {
            error = "quality gate failed: " + String.join(", ", quality.blockingFailures().stream().map(c -> c.name()).toList());
        }
        Map<String, SiteReport.Sources> provenance = new LinkedHashMap<>();
        if (state.hasSpec()) {
            WebsiteSpec spec = state.spec();
            spec.sections().forEach(s -> provenance.put(s.id(), SiteReport.Sources.of(s.sources())));
        }
        return new SiteReport(req.siteId(), req.workflow().name(), status, trace.failedStep(), error,
                req.profile().id(), req.company().info().name(), Instant.now().toString(),
                estimated ? "estimated with the " + TokenCounter.TOKENIZER + " tokenizer over each step's prompt and output" : "provider usage",
                spans,
                new SiteReport.Totals(cost, in, out, trace.wallMs(), CriticalPath.of(req.workflow(), spans), spans.size(), modelSteps, calls),
                quality, provenance, folder.files());
    }
}
