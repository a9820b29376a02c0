package ai.atelier.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.function.Function;

/**
 * Asks for a typed answer and makes sure it is one: the answer is held to the request's JSON schema
 * ({@link SchemaCheck}: every bound the schema states), bound to the record type, and checked by the
 * persona's validator for what a schema cannot say (cross-field rules, banned phrases); on failure the same model gets one repair round that shows
 * it the validation errors; if that fails too, the next model up the role's ladder is tried the
 * same way. Every round is its own request (attempt 1, 2, 3…) and so its own call in the trace,
 * with its own tokens and cost.
 */
public final class StructuredCall {
    private static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    /** Writes the repair round's user message from the original one, the rejected answer and the errors. */
    public interface RepairPrompt {
        String render(String originalUser, String rejectedAnswer, List<String> errors);
    }

    private final RepairPrompt repair;

    public StructuredCall(RepairPrompt repair) {
        this.repair = repair;
    }

    /**
     * @param ladder the role's model first, then larger tiers
     * @param validator the answer's problems (empty when acceptable)
     */
    public <T> T call(List<ModelClient> ladder, ChatRequest request, Class<T> type, Function<T, List<String>> validator) {
        int attempt = 1;
        List<String> lastErrors = List.of();
        ModelException lastFailure = null;
        for (int rung = 0; rung < ladder.size(); rung++) {
            ModelClient model = ladder.get(rung);
            String suffix = rung == 0 ? "" : " (escalated)";
            ChatRequest first = request.withAttempt(attempt++).withPurpose(request.purpose() + suffix);
            try {
                ChatResponse answer = model.chat(first);
                Outcome<T> o = check(answer, first, type, validator);
                if (o.value != null) return o.value;
                ChatRequest fix = first.withAttempt(attempt++).withPurpose(request.purpose() + " (repair)" + suffix)
                        .withUser(repair.render(request.user(), clip(answer.text()), o.errors));
                Outcome<T> o2 = check(model.chat(fix), fix, type, validator);
                if (o2.value != null) return o2.value;
                lastErrors = o2.errors;
            } catch (ModelException e) {
                if (!e.escalatable()) throw e;
                lastFailure = e;
            }
        }
        if (!lastErrors.isEmpty()) {
            throw new ModelException(ModelException.Kind.INVALID_OUTPUT, request.role() + ": the model's answer failed validation after a repair round"
                    + (ladder.size() > 1 ? " and escalation" : "") + ": " + String.join("; ", lastErrors.stream().limit(5).toList())
                    + (ladder.size() > 1 ? "" : " (add escalation: for this role in the config to try a larger model)"));
        }
        throw lastFailure != null ? lastFailure : new ModelException(ModelException.Kind.CONFIG, request.role() + ": no model to call");
    }

    private record Outcome<T>(T value, List<String> errors) {}

    private static <T> Outcome<T> check(ChatResponse answer, ChatRequest request, Class<T> type, Function<T, List<String>> validator) {
        if ("length".equals(answer.finishReason())) {
            return new Outcome<>(null, List.of("the answer was cut off at the output token limit (" + request.maxOutputTokens()
                    + " tokens); be more concise"));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(jsonPart(answer.text()));
        } catch (Exception e) {
            return new Outcome<>(null, List.of("the answer is not one JSON object (" + JsonErrors.describe(e) + "); answer with the JSON object only"));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) return new Outcome<>(null, List.of("the answer is empty"));
        if (!tree.isObject()) return new Outcome<>(null, List.of("the answer must be a JSON object, got " + JsonErrors.kind(tree)));
        if (request.wantsJson()) {
            List<String> shape = SchemaCheck.problems(schemaTree(request.jsonSchema()), tree);
            if (!shape.isEmpty()) return new Outcome<>(null, shape);
        }
        T value;
        try {
            value = JSON.treeToValue(tree, type);
        } catch (Exception e) {
            return new Outcome<>(null, List.of(JsonErrors.describe(e)));
        }
        if (value == null) return new Outcome<>(null, List.of("the answer is empty"));
        List<String> errors;
        try {
            errors = validator.apply(value);
        } catch (RuntimeException e) {
            // a validator that trips over a missing part (a null) says so, not which Java call failed
            errors = List.of(e instanceof NullPointerException || e instanceof ClassCastException || e.getMessage() == null
                    ? "the answer is incomplete: a required part is missing or empty; give every field the schema requires"
                    : "the answer is incomplete: " + e.getMessage());
        }
        return errors.isEmpty() ? new Outcome<>(value, List.of()) : new Outcome<>(null, errors);
    }

    private static JsonNode schemaTree(String schema) {
        try {
            return JSON.readTree(schema);
        } catch (Exception e) {
            throw new ModelException(ModelException.Kind.CONFIG, "the output schema is not JSON: " + JsonErrors.describe(e));
        }
    }

    /** The JSON object inside an answer, without Markdown fences or prose around it. */
    static String jsonPart(String text) {
        if (text == null) return "";
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        return start >= 0 && end > start ? text.substring(start, end + 1) : text.strip();
    }

    private static String clip(String s) {
        if (s == null) return "";
        return s.length() > 6000 ? s.substring(0, 6000) + "…" : s;
    }
}
