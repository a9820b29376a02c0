package ai.atelier.workflow;

import ai.atelier.site.PersonaContext;

/** What a persona does as a workflow step: read its inputs from the site state, write its outputs back. */
@FunctionalInterface
public interface StepAction {
    void run(SiteState state, PersonaContext ctx) throws Exception;
}
