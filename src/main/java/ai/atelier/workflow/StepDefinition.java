package ai.atelier.workflow;

import java.util.List;

/**
 * One node of a workflow DAG: which persona runs, under which role name (the key a config binds
 * to a model; defaults to the persona), after which steps, and with what time limit.
 */
public record StepDefinition(String id, String persona, String role, List<String> after, Double timeoutSeconds) {
    public StepDefinition {
        after = after == null ? List.of() : List.copyOf(after);
        role = role == null || role.isBlank() ? persona : role;
    }
}
