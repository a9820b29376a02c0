package ai.atelier.model.llama;

import ai.atelier.model.pricing.SelfHostedPrice;
import ai.atelier.model.pricing.Throughput;
import ai.atelier.model.LlamaSettings;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelClient;
import ai.atelier.model.TokenUsage;
import java.time.Duration;

/**
 * A chat model running inside this process: a GGUF file loaded by llama.cpp, no server and no
 * bill. The request's messages are formatted with the model's own chat template; a JSON schema
 * becomes a llama.cpp grammar so that even a tiny model can only produce JSON of that shape; usage
 * is counted with the model's own tokenizer (so it is exact, not estimated); the request's token
 * cap and timeout hold, and a timeout cancels the generation in llama.cpp rather than abandoning
 * it. The loaded model is shared with every other client of the same file (see
 * {@link EmbeddedModels}); closing this client drops its reference.
 */
public final class EmbeddedLlamaClient implements ModelClient, AutoCloseable {
    /** Time limit for requests that carry none. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final LlamaSettings settings;
    private final LoadedModel model;
    private final EmbeddedModels owner;
    private volatile boolean closed;

    EmbeddedLlamaClient(String name, LlamaSettings settings, LoadedModel model, EmbeddedModels owner) {
        this.name = name;
        this.settings = settings;
        this.model = model;
        this.owner = owner;
    }

    /**
     * @throws LlamaCallException on timeout (generation cancelled), interruption, a prompt longer
     *                            than a slot's context, a schema llama.cpp cannot compile, or an engine error
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        if (closed) throw new IllegalStateException("embedded model client " + name + " is closed");
        model.ensureOpen();
        Duration timeout = request.timeout() != null && !request.timeout().isZero() && !request.timeout().isNegative()
                ? request.timeout() : DEFAULT_TIMEOUT;
        long deadline = System.nanoTime() + timeout.toNanos();
        String prompt = model.format(request.system(), request.user());
        String grammar = request.jsonSchema() != null && !request.jsonSchema().isBlank() ? model.grammarFor(request.jsonSchema()) : null;
        // sampling settings are this model entry's own; only the load (file, context, threads, slots) is shared
        Generation g = model.generate(prompt, grammar, request.maxOutputTokens(), deadline, settings.temperature(), settings.stop());
        return new ChatResponse(g.text(), new TokenUsage(g.promptTokens(), g.completionTokens(), 0, false), name, g.finishReason());
    }

    /** The model name in the config, reported as the answering model. */
    public String name() {
        return name;
    }

    /** The checked header of the loaded file. */
    public GgufMetadata metadata() {
        return model.metadata();
    }

    /** What {@code atelier models} shows for this model. */
    public GgufModelInfo info() {
        return GgufModelInfo.of(name, model.metadata());
    }

    /** Throughput measured over every call to this file so far (all clients sharing it). */
    public Throughput throughput() {
        return model.throughput();
    }

    /** The current self-hosted price estimate for this model (machine cost over measured throughput). */
    public CatalogEntry catalogEntry() {
        return SelfHostedPrice.entry(name, model.metadata().file().getFileName().toString(), settings.machineCostPerHour(), model.contextPerSlot(), model.throughput());
    }

    /** The chat prompt exactly as the engine sees it (the model's template applied), for inspection and tests. */
    public String formattedPrompt(ChatRequest request) {
        return model.format(request.system(), request.user());
    }

    /** Tokens of a text by this model's tokenizer (no BOS added). */
    public int countTokens(String text) {
        return model.tokens(text);
    }

    /** True when this and {@code other} run on the same loaded model instance. */
    public boolean sharesModelWith(EmbeddedLlamaClient other) {
        return model == other.model;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        owner.release(model);
    }
}
