package ai.atelier.model;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Never sends a prompt that a server will cut, and never takes a cut prompt for a success. Before a
 * call: the prompt is counted on the model ({@link ContextWindows}) and, when it and the answer's
 * {@code max_tokens} do not fit the model's context window, the call fails here with what to change.
 * After it, on a llama.cpp server (the servers that cut; hosted APIs refuse an overlong prompt with
 * an error): a usage count far below Atelier's own count of the prompt means the server read only
 * part of it (llama.cpp drops the start of a prompt longer than its slot, system prompt
 * included, and answers as if nothing happened), so the call fails as a truncation, with its usage
 * kept for the report. Sits inside metering, so both outcomes are in the trace.
 */
public final class ContextGuard implements Interceptor {
    /** Below this share of an exact count (or of an estimate) the provider's input count means the prompt was cut. */
    static final double EXACT_FLOOR = 0.9, ESTIMATE_FLOOR = 0.6;
    private final ModelSpec model;
    private final ContextWindows windows;
    private final Supplier<CatalogEntry> entry;

    public ContextGuard(ModelSpec model, ContextWindows windows, Supplier<CatalogEntry> entry) {
        this.model = model;
        this.windows = windows;
        this.entry = entry;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest r = chain.request();
        ContextWindows.Count count = windows.count(model, r);
        Optional<ContextWindows.Window> window = windows.window(model, entry.get());
        if (window.isPresent() && count.tokens() + r.maxOutputTokens() > window.get().tokens()) {
            throw new ModelException(ModelException.Kind.CONTEXT_OVERFLOW, r.role() + ": the prompt (" + count.tokens() + " tokens"
                    + (count.exact() ? "" : ", estimated") + ") and its answer (up to " + r.maxOutputTokens() + " tokens) do not fit model "
                    + model.name() + "'s context window of " + window.get().tokens() + " tokens (" + window.get().source()
                    + "); not sent. Give the model a larger context (e.g. llama-server -c), lower maxOutputTokens, or bind the role to a model with a larger window");
        }
        ChatResponse resp = chain.proceed(r);
        TokenUsage u = resp.usage();
        double floor = count.exact() ? EXACT_FLOOR : ESTIMATE_FLOOR;
        if (windows.knownLlamaServer(model) && u != null && !u.estimated() && u.inputTokens() > 0 && u.inputTokens() < floor * count.tokens()) {
            throw new ModelException(ModelException.Kind.CONTEXT_OVERFLOW, r.role() + ": model " + model.name() + " read " + u.inputTokens()
                    + " prompt tokens of the " + count.tokens() + (count.exact() ? "" : " (estimated)") + " sent: the server cut the prompt"
                    + window.map(w -> " (context window " + w.tokens() + ", " + w.source() + ")").orElse("")
                    + ", so its answer ignored part of it. Give the server a larger context per slot (llama-server -c, fewer --parallel slots),"
                    + " or start it with --no-context-shift so it refuses instead; set contextWindow: for the model so Atelier checks before sending")
                    .withUsage(u);
        }
        return resp;
    }
}
