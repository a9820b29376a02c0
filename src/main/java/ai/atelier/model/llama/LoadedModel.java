package ai.atelier.model.llama;

import ai.atelier.model.pricing.Throughput;
import ai.atelier.model.LlamaSettings;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One GGUF file loaded into llama.cpp, shared by every role bound to it. It owns the native model,
 * formats chat prompts with the model's own template, counts tokens with the model's tokenizer,
 * turns JSON schemas into grammars ({@link JsonSchemaGrammar}, cached), and runs generations: at most {@code slots} at once
 * (llama.cpp's parallel slots), each bounded by a deadline that cancels the generation between
 * tokens. It also keeps the throughput measured so far, which prices self-hosted calls.
 */
final class LoadedModel implements AutoCloseable {
    private final GgufMetadata metadata;
    private final LlamaSettings settings;
    private final LlamaModel model;
    private final Semaphore slots;
    private final int contextPerSlot;
    private final Map<String, String> grammars = new ConcurrentHashMap<>();
    private Throughput throughput = Throughput.NONE; // guarded by this
    private boolean closed; // guarded by this

    private LoadedModel(GgufMetadata metadata, LlamaSettings settings, LlamaModel model, int context) {
        this.metadata = metadata;
        this.settings = settings;
        this.model = model;
        this.slots = new Semaphore(settings.slots(), true);
        this.contextPerSlot = context / settings.slots();
    }

    /** Loads a file whose header {@link GgufMetadata} has already checked. */
    static LoadedModel load(GgufMetadata metadata, LlamaSettings settings) {
        LlamaNative.prepare();
        int context = effectiveContext(metadata, settings);
        ModelParameters p = new ModelParameters()
                .setModel(metadata.file().toString())
                .setCtxSize(context)
                .setThreads(settings.threads())
                .setParallel(settings.slots())
                .disableLog(); // llama.cpp logs every load and call to stderr otherwise
        if (settings.gpuLayers() > 0) p.setGpuLayers(settings.gpuLayers()); // a CPU-only build warns about any value
        try {
            return new LoadedModel(metadata, settings, new LlamaModel(p), context);
        } catch (RuntimeException | UnsatisfiedLinkError e) { // the binding's LlamaException is not public
            throw new ModelFileException("llama.cpp could not load " + metadata.file() + " (" + metadata.architecture() + ", "
                    + metadata.quantization() + "): " + e.getMessage() + "; check that this llama.cpp build supports the architecture", e);
        }
    }

    /**
     * The context to load with: 0 means the model's own; the default (4096) never exceeds what the
     * model was trained for; any other size is used as given, even past the trained length, which
     * llama.cpp allows (answers degrade there, but a long prompt still fits).
     */
    static int effectiveContext(GgufMetadata m, LlamaSettings s) {
        long trained = m.contextLength().orElse(0);
        long want = s.contextSize() == 0 ? (trained > 0 ? trained : LlamaSettings.DEFAULT_CONTEXT) : s.contextSize();
        if (trained > 0 && s.contextSize() == LlamaSettings.DEFAULT_CONTEXT) want = Math.min(want, trained);
        return (int) Math.max(want, s.slots() * 64L);
    }

    GgufMetadata metadata() {
        return metadata;
    }

    LlamaSettings settings() {
        return settings;
    }

    int contextPerSlot() {
        return contextPerSlot;
    }

    /** The model's chat template applied to a system and a user message, ready for the assistant's turn. */
    String format(String system, String user) {
        // message text must not spell control tokens: the formatted prompt is tokenized with special tokens on
        String sys = system == null || system.isBlank() ? null : ControlTokens.neutralize(system);
        InferenceParameters p = new InferenceParameters("")
                .setMessages(sys, List.of(new Pair<>("user", user == null ? "" : ControlTokens.neutralize(user))));
        return model.applyTemplate(p);
    }

    /** Tokens llama.cpp evaluates for a formatted prompt: the tokenizer's count plus the BOS token it prepends. */
    int promptTokens(String formatted) {
        return model.encode(formatted).length + (metadata.addsBosToken() ? 1 : 0);
    }

    /** Tokens of a text by the model's tokenizer, without special tokens added. */
    int tokens(String text) {
        return model.encode(text).length;
    }

    String grammarFor(String jsonSchema) {
        return grammars.computeIfAbsent(jsonSchema, s -> {
            // not llama.cpp's own converter: it aborts the JVM on a schema it does not understand
            try {
                return JsonSchemaGrammar.convert(s);
            } catch (IllegalArgumentException e) {
                throw new LlamaCallException(LlamaCallException.Reason.BAD_SCHEMA, "cannot constrain the answer: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Runs one generation. Waiting for a free slot counts against the deadline; past the deadline
     * (or when the calling thread is interrupted) the generation is cancelled in llama.cpp, which
     * frees its slot, and the call fails.
     */
    Generation generate(String prompt, String grammar, int maxTokens, long deadlineNanos, double temperature, List<String> stop) {
        int promptTokens = promptTokens(prompt);
        if (promptTokens >= contextPerSlot) {
            throw new LlamaCallException(LlamaCallException.Reason.PROMPT_TOO_LONG, "prompt has " + promptTokens
                    + " tokens but each of the " + settings.slots() + " slot(s) of " + metadata.file().getFileName() + " holds "
                    + contextPerSlot + "; raise contextSize or lower slots", null);
        }
        int room = contextPerSlot - promptTokens;
        int nPredict = maxTokens > 0 ? Math.min(maxTokens, room) : room;
        InferenceParameters p = new InferenceParameters(prompt)
                .setNPredict(nPredict)
                .setTemperature((float) temperature);
        if (grammar != null) p.setGrammar(grammar);
        if (!stop.isEmpty()) p.setStopStrings(stop.toArray(String[]::new));

        long start = System.nanoTime();
        try {
            if (!slots.tryAcquire(Math.max(0, deadlineNanos - start), TimeUnit.NANOSECONDS)) {
                throw timeout("waited " + ms(System.nanoTime() - start) + " ms for a free slot of " + metadata.file().getFileName()
                        + " (" + settings.slots() + " slot(s), all busy)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlamaCallException(LlamaCallException.Reason.INTERRUPTED, "interrupted while waiting for a free slot", e);
        }
        try {
            return run(p, promptTokens, nPredict, deadlineNanos);
        } finally {
            slots.release();
        }
    }

    private Generation run(InferenceParameters p, int promptTokens, int nPredict, long deadlineNanos) {
        ensureOpen();
        long start = System.nanoTime();
        long firstToken = 0;
        int outputs = 0;
        boolean finalSeen = false;
        StringBuilder text = new StringBuilder();
        LlamaIterator it;
        try {
            it = model.generate(p).iterator();
        } catch (RuntimeException e) { // the binding's LlamaException is not public
            throw new LlamaCallException(LlamaCallException.Reason.ENGINE, "llama.cpp refused the request: " + e.getMessage(), e);
        }
        try {
            while (it.hasNext()) {
                // checked between tokens: one token (or the prompt pass) is the longest a cancel waits
                if (System.nanoTime() > deadlineNanos) {
                    it.cancel();
                    throw timeout("generation cancelled after " + outputs + " tokens, " + ms(System.nanoTime() - start) + " ms");
                }
                if (Thread.interrupted()) {
                    it.cancel();
                    Thread.currentThread().interrupt();
                    throw new LlamaCallException(LlamaCallException.Reason.INTERRUPTED, "generation interrupted after " + outputs + " tokens", null);
                }
                LlamaOutput out = it.next();
                if (firstToken == 0) firstToken = System.nanoTime();
                text.append(out.text);
                // every generated token is streamed as one output; the last output closes the stream and carries none
                if (it.hasNext()) outputs++;
                else finalSeen = true;
            }
        } catch (LlamaCallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LlamaCallException(LlamaCallException.Reason.ENGINE, "llama.cpp failed during generation: " + e.getMessage(), e);
        }
        long end = System.nanoTime();
        if (firstToken == 0) firstToken = end;
        int completion = finalSeen ? outputs : outputs + 1;
        String finish = completion >= nPredict ? "length" : "stop";
        long promptNs = firstToken - start;
        long genNs = end - firstToken;
        synchronized (this) {
            throughput = throughput.plus(promptTokens, promptNs, completion, genNs);
        }
        return new Generation(text.toString(), promptTokens, completion, finish, promptNs, genNs);
    }

    synchronized Throughput throughput() {
        return throughput;
    }

    /** Fails fast once closed: no native call may touch a freed model. */
    synchronized void ensureOpen() {
        if (closed) throw new IllegalStateException("embedded model " + metadata.file() + " was already closed");
    }

    private static LlamaCallException timeout(String what) {
        return new LlamaCallException(LlamaCallException.Reason.TIMEOUT, what, null);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Frees the native model once every running generation has returned its slot. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        slots.acquireUninterruptibly(settings.slots());
        model.close();
        // callers still queued for a slot get one and fail at ensureOpen instead of waiting out their deadline
        slots.release(settings.slots());
    }
}
