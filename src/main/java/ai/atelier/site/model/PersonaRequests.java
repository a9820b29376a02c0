package ai.atelier.site.model;

import ai.atelier.site.RoleModel;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.StructuredCall;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the requests model-backed personas send: the rendered prompt, QA's feedback appended when
 * the step runs again to revise (prompt text in {@code prompts/feedback.md}), the output schema,
 * and the repair round's prompt ({@code prompts/repair.md}). Public so that personas outside this
 * package (the fine-grained ones) ask their models exactly the way the core personas do.
 */
public final class PersonaRequests {
    private PersonaRequests() {}

    static ChatRequest request(PersonaContext ctx, RoleModel model, String purpose, Prompt prompt, String schema) {
        return request(ctx, model.maxOutputTokens(), purpose, prompt, schema);
    }

    public static ChatRequest request(PersonaContext ctx, int maxOutputTokens, String purpose, Prompt prompt, String schema) {
        String user = prompt.user();
        if (!ctx.feedback().isEmpty()) {
            user += ctx.prompts().render("feedback", Map.of("feedback",
                    ctx.feedback().stream().map(f -> "- " + f.replace('\n', ' ')).collect(Collectors.joining("\n"))));
        }
        return new ChatRequest(ctx.role(), purpose, prompt.system(), user, schema, maxOutputTokens, null);
    }

    public static StructuredCall structured(PersonaContext ctx) {
        return new StructuredCall((original, answer, errors) -> ctx.prompts().render("repair", Map.of(
                "original", original, "answer", answer,
                "errors", errors.stream().map(e -> "- " + e).collect(Collectors.joining("\n")))));
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
