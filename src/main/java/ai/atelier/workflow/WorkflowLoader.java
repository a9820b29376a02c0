package ai.atelier.workflow;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a workflow by name among the bundled ones ({@code workflows/<name>.yaml} on the class
 * path) or reads it from a YAML file, and checks that every step names a known {@link Step} (by
 * its persona) and runs after steps that write what it reads.
 */
public final class WorkflowLoader {
    /** The workflows that ship with Atelier. */
    public static final List<String> BUNDLED = List.of("personas", "single-llm", "fine-grained", "fine-grained-lean");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, Step> known;

    /** @param steps the steps a workflow may name (the standard list is {@code workflow.steps.StandardSteps.all()}) */
    public WorkflowLoader(List<Step> steps) {
        this.known = Crew.index(steps);
    }

    public WorkflowDefinition load(String nameOrFile) {
        if (nameOrFile == null || nameOrFile.isBlank()) nameOrFile = "personas";
        Path file = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) throw new AtelierException("workflow file not found: " + file, "workflow", null);
            try {
                return parse(file.toString(), YAML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new AtelierException("workflow file " + file + " is not valid YAML" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p) : ": " + firstLine(e)), "workflow", null);
            }
        }
        try (InputStream in = WorkflowLoader.class.getResourceAsStream("/workflows/" + nameOrFile + ".yaml")) {
            if (in == null || !nameOrFile.matches("[a-z0-9-]+")) {
                throw new AtelierException("unknown workflow \"" + nameOrFile + "\"; choose one of " + String.join(", ", BUNDLED)
                        + " or pass a workflow YAML file", "workflow", null);
            }
            return parse(nameOrFile, YAML.readTree(in));
        } catch (IOException e) {
            throw new AtelierException("bundled workflow " + nameOrFile + " cannot be read: " + firstLine(e), "workflow", null);
        }
    }

    WorkflowDefinition parse(String source, JsonNode n) {
        if (n == null || !n.isObject()) throw new AtelierException("workflow " + source + " must be a mapping with name and steps", "workflow", null);
        String name = n.path("name").asText(source);
        JsonNode steps = n.path("steps");
        if (!steps.isArray()) throw new AtelierException("workflow " + source + " needs a list of steps", "workflow", null);
        List<StepDefinition> out = new ArrayList<>();
        for (JsonNode s : steps) {
            String persona = s.path("persona").asText(null);
            String id = s.path("id").asText(persona);
            Step step = persona == null ? null : known.get(persona);
            if (step == null) throw new AtelierException(unknownPersona("workflow " + source, id, persona, known.keySet()), "workflow", null);
            List<String> after = new ArrayList<>();
            JsonNode deps = s.path("after");
            if (deps.isTextual()) after.add(deps.asText()); // one step named without a list
            else if (!deps.isMissingNode() && !deps.isNull() && (!deps.isArray() || !allText(deps))) {
                throw new AtelierException("workflow " + source + ": step \"" + id + "\" after: must be a list of step ids, like after: [pain-points]", "workflow", null);
            } else deps.forEach(a -> after.add(a.asText()));
            Double timeout = s.hasNonNull("timeoutSeconds") ? s.get("timeoutSeconds").asDouble() : null;
            if (timeout != null && !(timeout > 0)) throw new AtelierException("workflow " + source + ": step \"" + id + "\" timeoutSeconds must be a positive number", "workflow", null);
            String role = s.path("role").asText(null);
            out.add(new StepDefinition(id, persona, role == null || role.isBlank() ? step.role() : role, after, timeout));
        }
        WorkflowDefinition wf = new WorkflowDefinition(name, n.path("description").asText(""), n.path("stepTimeoutSeconds").asDouble(300), out);
        checkReads(source, wf);
        return wf;
    }

    /** "workflow x: step "a" names unknown persona "poet"; known personas: artist, …" — one line, every known name. */
    static String unknownPersona(String where, String id, String persona, java.util.Collection<String> known) {
        return where + ": step \"" + id + "\" names " + (persona == null ? "no persona (add persona: NAME)" : "unknown persona \"" + persona + "\"")
                + "; known personas: " + String.join(", ", known.stream().sorted().toList());
    }

    /** Every step runs after (directly or not) a step that writes each thing it reads. */
    private void checkReads(String source, WorkflowDefinition wf) {
        Map<String, Set<String>> written = new HashMap<>(); // step id -> what its ancestors wrote
        for (StepDefinition d : wf.ordered()) {
            Set<String> before = new HashSet<>();
            for (String a : d.after()) {
                before.addAll(written.get(a));
                before.addAll(known.get(wf.step(a).persona()).writes());
            }
            for (String need : known.get(d.persona()).reads()) {
                if (before.contains(need)) continue;
                List<String> writers = known.values().stream().filter(x -> x.writes().contains(need)).map(Step::persona).toList();
                throw new AtelierException("workflow " + source + ": step \"" + d.id() + "\" (" + d.persona() + ") reads the " + need
                        + ", but no step it runs after writes it; add a step that does (" + String.join(", ", writers) + ") to its after list",
                        "workflow", null);
            }
            written.put(d.id(), before);
        }
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode n : list) if (!n.isTextual()) return false;
        return true;
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
