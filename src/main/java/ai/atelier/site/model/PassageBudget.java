package ai.atelier.site.model;

import ai.atelier.site.RoleModel;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Fits a prompt built from retrieved passages into the role's context window: while the prompt and
 * the answer's {@code max_tokens} do not fit, the lowest-ranked passage is left out (passages are
 * the one part of a prompt that may be trimmed; instructions, visitor, offerings and policies are
 * not). What was left out is named in the call's purpose, so report.json shows it; if even no
 * passage does not fit, the prompt is returned as it is and the context guard fails the call with
 * the numbers.
 */
final class PassageBudget {
    /** A prompt and the note on what was trimmed to make it fit ("" when nothing was). */
    record Fitted(Prompt prompt, List<RetrievedChunk> passages, String note) {}

    private PassageBudget() {}

    static Fitted fit(RoleModel model, PersonaContext ctx, List<RetrievedChunk> hits, Function<List<RetrievedChunk>, Prompt> build) {
        Prompt prompt = build.apply(hits);
        OptionalInt window = model.contextWindow();
        if (window.isEmpty()) return new Fitted(prompt, hits, "");
        int max = model.maxOutputTokens();
        List<RetrievedChunk> kept = hits;
        while (!kept.isEmpty() && model.promptTokens(prompt.system(), prompt.user()) + max > window.getAsInt()) {
            kept = kept.subList(0, kept.size() - 1);
            prompt = build.apply(kept);
        }
        int dropped = hits.size() - kept.size();
        if (dropped == 0) return new Fitted(prompt, kept, "");
        List<String> ids = hits.subList(kept.size(), hits.size()).stream().map(h -> h.chunk().id()).toList();
        return new Fitted(prompt, kept, " (trimmed " + dropped + " lowest-ranked passage" + (dropped == 1 ? "" : "s") + " to fit the "
                + window.getAsInt() + "-token context: " + String.join(", ", ids) + ")");
    }
}
