package ai.atelier.cli;

import ai.atelier.SiteResult;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import java.io.PrintWriter;
import java.util.Locale;

/** The one-screen summary after a generation: where the site is, each step, the totals, the quality result. */
final class RunSummary {
    private final PrintWriter out;

    RunSummary(PrintWriter out) {
        this.out = out;
    }

    void print(SiteResult r) {
        SiteReport rep = r.report();
        out.println();
        // name index.html only when it was written: a run that failed early leaves a folder with no page
        java.nio.file.Path page = r.dir().resolve("index.html");
        out.println("Site " + (r.ok() ? "ready" : "FAILED") + ": " + (java.nio.file.Files.isRegularFile(page) ? page : r.dir() + " (no page was written)"));
        out.println("Workflow: " + rep.workflow() + "   Report: " + r.dir().resolve("report.json"));
        out.println();
        String fmt = "%-14s %-20s %-10s %-8s %9s %9s %10s %9s%n";
        out.printf(Locale.ROOT, fmt, "STEP", "PERSONA (ROLE)", "MODEL", "STATUS", "TOK IN", "TOK OUT", "COST USD", "TIME");
        for (StepSpan s : rep.steps()) {
            String persona = s.persona().equals(s.role()) ? s.persona() : s.persona() + " (" + s.role() + ")";
            out.printf(Locale.ROOT, fmt, s.id(), cut(persona, 20), cut(s.model(), 10), s.status(), s.inputTokens(), s.outputTokens(),
                    money(s.costUsd()), s.durationMs() + " ms");
        }
        var t = rep.totals();
        out.printf(Locale.ROOT, fmt, "TOTAL", t.modelSteps() + " model steps", "", "", t.inputTokens(), t.outputTokens(),
                money(t.costUsd()), t.wallMs() + " ms");
        out.println("Critical path " + t.criticalPathMs() + " ms of " + t.wallMs() + " ms wall.  Tokens " + rep.tokenSource() + ".");
        out.println("Coordination overhead: " + t.carriedTokens() + " tokens carried between steps, " + t.orchestrationMs() + " ms orchestration.");
        if (t.estimatedCostUsd() != null) out.println("Estimated cost " + money(t.estimatedCostUsd()) + " USD (" + rep.costEstimate() + ").");
        if (rep.simulation() != null) out.println(rep.simulation());
        if (rep.error() != null) out.println("Error: " + (rep.failedStep() != null ? "step " + rep.failedStep() + ": " : "") + rep.error());
        if (rep.quality() != null) ai.atelier.quality.SiteCheck.summary(rep.quality()).forEach(out::println);
        if (rep.quality() != null && rep.quality().review() != null) {
            var rv = rep.quality().review();
            out.println("Reviewer model " + rv.model() + " (advisory): " + (rv.error() != null ? rv.error() : rv.score() + "/100 — "
                    + String.join(" ", rv.reasons().stream().limit(2).toList())));
        }
        for (var rv : rep.revisions()) {
            out.println("Revise round " + rv.round() + " " + rv.steps() + " on " + rv.model() + ": " + rv.outcome()
                    + (rv.scoreAfter() == null ? "" : ", score " + rv.scoreAfter()) + (rv.note() == null ? "" : " (" + rv.note() + ")"));
        }
        out.flush();
    }

    private static String money(Double d) {
        return d == null ? "unknown" : String.format(Locale.ROOT, "%.6f", d);
    }

    private static String cut(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
