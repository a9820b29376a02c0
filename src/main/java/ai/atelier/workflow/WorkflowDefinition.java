package ai.atelier.workflow;

import ai.atelier.AtelierException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow: a named DAG of steps read from YAML (see src/main/resources/workflows/). The
 * constructor checks it is a DAG with unique ids and known dependencies, so the orchestrator
 * never meets a malformed one.
 */
public record WorkflowDefinition(String name, String description, double stepTimeoutSeconds, List<StepDefinition> steps) {

    public WorkflowDefinition {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new AtelierException("workflow " + name + " has no steps");
        Map<String, StepDefinition> byId = new LinkedHashMap<>();
        for (StepDefinition s : steps) {
            if (s.id() == null || !s.id().matches("[a-z0-9][a-z0-9-]{0,40}")) {
                throw new AtelierException("workflow " + name + ": step id \"" + s.id() + "\" must be lower-case letters, digits and hyphens");
            }
            if (byId.put(s.id(), s) != null) throw new AtelierException("workflow " + name + ": step id \"" + s.id() + "\" is used twice");
        }
        for (StepDefinition s : steps) {
            for (String d : s.after()) {
                if (!byId.containsKey(d)) throw new AtelierException("workflow " + name + ": step \"" + s.id() + "\" runs after unknown step \"" + d + "\"");
            }
        }
        topologicalOrder(name, steps);
        if (stepTimeoutSeconds <= 0) stepTimeoutSeconds = 300;
    }

    /** Steps in an order where every step follows its dependencies. */
    public List<StepDefinition> ordered() {
        return topologicalOrder(name, steps);
    }

    public StepDefinition step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<StepDefinition> topologicalOrder(String name, List<StepDefinition> steps) {
        Map<String, StepDefinition> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.id(), s));
        List<StepDefinition> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (StepDefinition s : steps) visit(name, s, byId, done, visiting, out);
        return out;
    }

    private static void visit(String name, StepDefinition s, Map<String, StepDefinition> byId, Set<String> done,
                              Set<String> visiting, List<StepDefinition> out) {
        if (done.contains(s.id())) return;
        if (!visiting.add(s.id())) throw new AtelierException("workflow " + name + " has a cycle through step \"" + s.id() + "\"");
        for (String d : s.after()) visit(name, byId.get(d), byId, done, visiting, out);
        visiting.remove(s.id());
        done.add(s.id());
        out.add(s);
    }
}
