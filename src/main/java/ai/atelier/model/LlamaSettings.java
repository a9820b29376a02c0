package ai.atelier.model;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * How one embedded model is run: the GGUF file, the context size, CPU threads, layers offloaded to
 * a GPU (0 on a CPU-only build), parallel slots (calls served at once; each slot gets
 * contextSize / slots tokens), sampling temperature, extra stop strings, and the machine's cost
 * per hour for self-hosted pricing (null: priced at zero, still marked self-hosted). These are the
 * settings of a config model entry with {@code provider: llamacpp-embedded}; {@link #parse} reads
 * them from that entry.
 */
public record LlamaSettings(Path modelFile, int contextSize, int threads, int gpuLayers, int slots, double temperature,
                            List<String> stop, Double machineCostPerHour) {

    /** The config keyword of this provider. */
    public static final String PROVIDER = "llamacpp-embedded";
    /** Setting names {@link #parse} accepts besides provider:, for the config loader's list of known keys. */
    public static final Set<String> KEYS = Set.of("model", "contextSize", "threads", "gpuLayers", "slots", "temperature", "stop",
            "machineCostPerHour");
    public static final int DEFAULT_CONTEXT = 4096;

    public LlamaSettings {
        if (modelFile == null) throw new AtelierException("embedded model: no model file given");
        if (contextSize < 0) throw new AtelierException("embedded model " + modelFile + ": contextSize must be >= 0 (0 = the model's own)");
        if (threads < 1) throw new AtelierException("embedded model " + modelFile + ": threads must be >= 1");
        if (gpuLayers < 0) throw new AtelierException("embedded model " + modelFile + ": gpuLayers must be >= 0");
        if (slots < 1) throw new AtelierException("embedded model " + modelFile + ": slots must be >= 1");
        if (temperature < 0 || temperature > 2) throw new AtelierException("embedded model " + modelFile + ": temperature must be between 0 and 2");
        if (machineCostPerHour != null && machineCostPerHour < 0) {
            throw new AtelierException("embedded model " + modelFile + ": machineCostPerHour must be >= 0 US dollars");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
        modelFile = modelFile.toAbsolutePath().normalize();
    }

    /** Defaults for a file: context 4096 (capped at the model's own), all cores, CPU only, one slot, temperature 0.2. */
    public static LlamaSettings of(Path modelFile) {
        return new LlamaSettings(modelFile, DEFAULT_CONTEXT, Math.max(1, Runtime.getRuntime().availableProcessors()), 0, 1, 0.2,
                List.of(), null);
    }

    public LlamaSettings withSlots(int n) {
        return new LlamaSettings(modelFile, contextSize, threads, gpuLayers, n, temperature, stop, machineCostPerHour);
    }

    public LlamaSettings withContextSize(int n) {
        return new LlamaSettings(modelFile, n, threads, gpuLayers, slots, temperature, stop, machineCostPerHour);
    }

    public LlamaSettings withThreads(int n) {
        return new LlamaSettings(modelFile, contextSize, n, gpuLayers, slots, temperature, stop, machineCostPerHour);
    }

    public LlamaSettings withModelFile(Path p) {
        return new LlamaSettings(p, contextSize, threads, gpuLayers, slots, temperature, stop, machineCostPerHour);
    }

    public LlamaSettings withMachineCostPerHour(Double usd) {
        return new LlamaSettings(modelFile, contextSize, threads, gpuLayers, slots, temperature, stop, usd);
    }

    /** Whether two settings would load the file the same way (the registry shares one load between them). */
    public boolean sameLoad(LlamaSettings o) {
        return modelFile.equals(o.modelFile) && contextSize == o.contextSize && threads == o.threads && gpuLayers == o.gpuLayers
                && slots == o.slots;
    }

    /**
     * Reads a config model entry ({@code model: path/to.gguf}, optional contextSize, threads,
     * gpuLayers, slots, temperature, stop, machineCostPerHour). A relative path is resolved against
     * {@code baseDir} (the config file's folder). Errors name the model and the fix.
     */
    public static LlamaSettings parse(String name, JsonNode n, Path baseDir) {
        String where = "model " + name + " (provider " + PROVIDER + ")";
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("provider") && !KEYS.contains(k)) {
                throw new AtelierException(where + " has unknown setting \"" + k + "\"; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String file = n.path("model").asText("");
        if (file.isBlank()) throw new AtelierException(where + " has no model:; set it to the path of a .gguf file");
        if (file.startsWith("~/")) file = System.getProperty("user.home") + file.substring(1);
        Path p = Path.of(file);
        if (!p.isAbsolute() && baseDir != null) p = baseDir.resolve(p);
        LlamaSettings d = of(p);
        List<String> stop = new java.util.ArrayList<>();
        n.path("stop").forEach(s -> stop.add(s.asText()));
        if (n.path("stop").isTextual()) stop.add(n.path("stop").asText());
        Double cost = null;
        if (n.has("machineCostPerHour")) {
            JsonNode c = n.get("machineCostPerHour");
            if (!c.isNumber() || c.asDouble() < 0) throw new AtelierException(where + ": machineCostPerHour must be a number of US dollars per hour, e.g. 0.10");
            cost = c.asDouble();
        }
        try {
            return new LlamaSettings(p, whole(where, n, "contextSize", d.contextSize()), whole(where, n, "threads", d.threads()),
                    whole(where, n, "gpuLayers", 0), whole(where, n, "slots", 1),
                    n.has("temperature") ? n.get("temperature").asDouble() : d.temperature(), stop, cost);
        } catch (AtelierException e) {
            throw new AtelierException(where + ": " + e.getMessage().replaceFirst("^embedded model \\S+: ", ""));
        }
    }

    private static int whole(String where, JsonNode n, String key, int dflt) {
        if (!n.has(key)) return dflt;
        JsonNode v = n.get(key);
        if (!v.canConvertToInt()) throw new AtelierException(where + ": " + key + " must be a whole number, got " + v.asText());
        return v.asInt();
    }
}
