package ai.atelier.workflow;

import ai.atelier.site.ProfileReader;
import java.time.Instant;

/**
 * run.json: what a generation was asked to do (visitor, company folder, workflow), written before
 * the first step runs, so a failed or interrupted run can be inspected and resumed from its folder
 * alone.
 */
public record RunManifest(String siteId, String profileJson, String companyDir, WorkflowDefinition workflow, String startedAt) {
    public static final String FILE = "run.json";

    static RunManifest of(SiteGeneration.Request req) {
        return new RunManifest(req.siteId(), ProfileReader.toJson(req.profile()), req.company().dir().toString(),
                req.workflow(), Instant.now().toString());
    }
}
