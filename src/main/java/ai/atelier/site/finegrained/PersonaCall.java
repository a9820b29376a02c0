package ai.atelier.site.finegrained;

import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelClient;
import ai.atelier.model.RecordSchema;
import ai.atelier.site.Engines;
import ai.atelier.site.Handoff;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import ai.atelier.site.RoleModel;
import ai.atelier.site.model.PersonaRequests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One call of a fine-grained persona, whichever engine answers. It renders the persona's prompt
 * pair and counts the part of the prompt that carries other steps' output (coordination overhead).
 * On a model it asks the way the core personas do ({@link PersonaRequests}): the answer record's
 * schema as native structured output, the answer checked by the persona's rules, one repair round
 * that shows the model what was wrong, then the larger tiers configured for the role; every round
 * is its own call in the trace and carries the hand-offs again. On the built-in engine it runs the
 * rules and meters them as a call over the same prompt and the JSON a model would have returned.
 *
 * @param <A> the answer record a model fills in (its schema is derived from it)
 * @param <T> the step's output, made from a checked answer
 */
final class PersonaCall<A extends Record, T> {
    private final String promptName;
    private final String purpose;
    private final Map<String, String> vars;
    private final List<String> carried;
    private final Class<A> answerType;
    private final String schema;

    /**
     * @param promptName the prompt pair ({@code prompts/<name>.system.md} and {@code .user.md})
     * @param vars       the prompt's variables
     * @param carried    names of the variables whose values are other steps' output
     * @param optional   components of the answer a model may leave out, as "RecordSimpleName.component"
     */
    PersonaCall(String promptName, String purpose, Map<String, String> vars, List<String> carried, Class<A> answerType, Set<String> optional) {
        this(promptName, purpose, vars, carried, answerType, RecordSchema.of(answerType).optional(optional));
    }

    /**
     * @param schema the answer record's schema with what this request's context fixes (the ids a
     *               step may cite, the number of entries it must write), see {@link RecordSchema#choices}
     */
    PersonaCall(String promptName, String purpose, Map<String, String> vars, List<String> carried, Class<A> answerType, RecordSchema schema) {
        this.promptName = promptName;
        this.purpose = purpose;
        this.vars = Map.copyOf(vars);
        this.carried = List.copyOf(carried);
        this.answerType = answerType;
        this.schema = schema.json();
    }

    /** The answer record's JSON Schema, as a model is given it. */
    String schema() {
        return schema;
    }

    T run(Engines engines, PersonaContext ctx, Supplier<T> builtin, Function<A, T> accept) {
        return run(engines, ctx, builtin, accept, out -> out);
    }

    /**
     * @param accept   turns a model's answer into the step's output, or throws {@link AnswerRejected}
     *                 saying what is wrong (the message the repair round shows the model)
     * @param asAnswer what a model would have answered for the built-in output (e.g. the chosen
     *                 ids, not the passages they name), so the built-in engine's output tokens are
     *                 counted over the answer a model would write
     */
    T run(Engines engines, PersonaContext ctx, Supplier<T> builtin, Function<A, T> accept, Function<T, Object> asAnswer) {
        Prompt prompt = new Prompt(ctx.prompts().render(promptName + ".system", vars), ctx.prompts().render(promptName + ".user", vars));
        long carriedTokens = carried.stream().mapToLong(v -> ctx.tokens().count(vars.get(v))).sum();
        java.util.Optional<RoleModel> model = engines.model(ctx.role());
        if (model.isEmpty()) { // the role is unbound: the built-in rules answer
            ctx.meter().carried(carriedTokens);
            return engines.builtin(ctx.role(), ctx, c -> {
                long start = c.meter().nowMs();
                T out = builtin.get();
                var usage = c.tokens().estimate(prompt.text(), Handoff.json(asAnswer.apply(out))); // timed inside the stand-in call
                c.meter().record(ModelCall.builder(c.role(), c.model(), "builtin").purpose(purpose).timed(start, c.meter().nowMs() - start).usage(usage).build());
                return out;
            });
        }
        // every round (first answer, repair, escalation) sends the hand-offs again, so each one carries them
        List<ModelClient> carrying = model.get().ladder(ctx).stream().<ModelClient>map(m -> request -> {
            ctx.meter().carried(carriedTokens);
            return m.chat(request);
        }).toList();
        A answer = PersonaRequests.structured(ctx).call(carrying,
                PersonaRequests.request(ctx, model.get().maxOutputTokens(), purpose, prompt, schema), answerType, a -> problems(accept, a));
        return accept.apply(answer);
    }

    private static <A, T> List<String> problems(Function<A, T> accept, A answer) {
        try {
            accept.apply(answer);
            return List.of();
        } catch (AnswerRejected e) {
            return List.of(e.getMessage());
        }
    }
}
