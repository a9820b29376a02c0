package ai.atelier.site.finegrained;

import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelClient;
import ai.atelier.site.Engines;
import ai.atelier.site.Handoff;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One call of a fine-grained persona, whichever engine answers. It renders the persona's prompt
 * pair, counts the part of the prompt that carries other steps' output (coordination overhead),
 * then either asks the model bound to the role for JSON, parses and validates it (one repair
 * round with the reason when the answer is unusable), or runs the built-in rules and meters them
 * as a call over the same prompt and the JSON a model would have returned.
 */
final class PersonaCall<T> {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_OUTPUT_TOKENS = 2_000;
    private final String promptName;
    private final String purpose;
    private final Map<String, String> vars;
    private final List<String> carried;

    /**
     * @param promptName the prompt pair ({@code prompts/<name>.system.md} and {@code .user.md})
     * @param vars       the prompt's variables
     * @param carried    names of the variables whose values are other steps' output
     */
    PersonaCall(String promptName, String purpose, Map<String, String> vars, List<String> carried) {
        this.promptName = promptName;
        this.purpose = purpose;
        this.vars = Map.copyOf(vars);
        this.carried = List.copyOf(carried);
    }

    T run(Engines engines, PersonaContext ctx, Supplier<T> builtin, Function<JsonNode, T> parse) {
        return run(engines, ctx, builtin, parse, out -> out);
    }

    /**
     * @param asAnswer what a model would have answered for the built-in output (e.g. the chosen
     *                 ids, not the passages they name), so the built-in engine's output tokens are
     *                 counted over the answer a model would write
     */
    T run(Engines engines, PersonaContext ctx, Supplier<T> builtin, Function<JsonNode, T> parse, Function<T, Object> asAnswer) {
        Prompt prompt = new Prompt(ctx.prompts().render(promptName + ".system", vars), ctx.prompts().render(promptName + ".user", vars));
        long carriedTokens = carried.stream().mapToLong(v -> ctx.tokens().count(vars.get(v))).sum();
        Optional<ModelClient> model = engines.chatModel(ctx.role(), ctx);
        if (model.isEmpty()) {
            ctx.meter().carried(carriedTokens);
            return engines.builtin(ctx.role(), ctx, c -> {
                long start = c.meter().nowMs();
                T out = builtin.get();
                var usage = c.tokens().estimate(prompt.text(), Handoff.json(asAnswer.apply(out))); // timed inside the stand-in call
                c.meter().record(new ModelCall(c.role(), c.model(), "builtin", purpose, start, c.meter().nowMs() - start, usage, 0.0, 1, "ok"));
                return out;
            });
        }
        String user = prompt.user();
        String problem = null;
        for (int round = 1; round <= 2; round++) {
            ctx.meter().carried(carriedTokens);
            ChatResponse r = model.get().chat(new ChatRequest(ctx.role(), round == 1 ? purpose : purpose + " (repair)",
                    prompt.system(), user, null, MAX_OUTPUT_TOKENS, TIMEOUT));
            try {
                return parse.apply(Answers.parse(r.text()));
            } catch (AnswerRejected e) {
                problem = e.getMessage();
                user = prompt.user() + "\n\nYour previous answer was rejected: " + problem + ". Answer again with the JSON object only.";
            }
        }
        throw new AnswerRejected(ctx.role() + " gave no usable answer after one repair round: " + problem);
    }
}
