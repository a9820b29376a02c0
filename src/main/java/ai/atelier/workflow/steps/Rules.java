package ai.atelier.workflow.steps;

import ai.atelier.site.rules.SpecRules;

/** The spec rules the fine-grained steps share: loaded once (its copy templates), read by every step at once. */
final class Rules {
    static final SpecRules SHARED = new SpecRules();

    private Rules() {}
}
