package ai.atelier.model.llama;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code atelier models} shows about a configured GGUF model, read from the file's header
 * without loading it: size on disk, architecture, parameter count, quantization, trained context
 * length and whether it carries its own chat template. {@link #table} lays a list of them out as a
 * plain-text table.
 */
public record GgufModelInfo(String name, Path file, long sizeBytes, String architecture, String modelName,
                            long parameters, String quantization, Long contextLength, boolean chatTemplate) {

    /** Reads a model file's header; {@code name} is the model's name in the config. */
    public static GgufModelInfo read(String name, Path file) {
        GgufMetadata m = GgufMetadata.read(file);
        return of(name, m);
    }

    public static GgufModelInfo of(String name, GgufMetadata m) {
        return new GgufModelInfo(name, m.file(), m.fileSize(), m.architecture(), m.name(), m.parameterCount(), m.quantization(),
                m.contextLength().isPresent() ? m.contextLength().getAsLong() : null, m.chatTemplate().isPresent());
    }

    /** One line: "tiny (llama, 4.2M params, F16, ctx 2048, 5.4 MB)". */
    public String summary() {
        return name + " (" + architecture + ", " + humanCount(parameters) + " params, " + quantization + ", ctx "
                + (contextLength == null ? "?" : contextLength) + ", " + humanBytes(sizeBytes) + ")";
    }

    /**
     * The table for configured models by name and file; a file that cannot be read gets a row with
     * its one-line error instead of failing the whole listing.
     */
    public static String tableOf(java.util.Map<String, Path> files) {
        List<GgufModelInfo> ok = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        files.forEach((name, file) -> {
            try {
                ok.add(read(name, file));
            } catch (ModelFileException e) {
                errors.append(name).append(": ").append(e.getMessage()).append('\n');
            }
        });
        return (ok.isEmpty() ? "" : table(ok)) + errors;
    }

    /** A fixed-width table with a header row, one row per model. */
    public static String table(List<GgufModelInfo> models) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"MODEL", "ARCH", "PARAMS", "QUANT", "CONTEXT", "SIZE", "TEMPLATE", "FILE"});
        for (GgufModelInfo m : models) {
            rows.add(new String[]{m.name, m.architecture, humanCount(m.parameters), m.quantization,
                    m.contextLength == null ? "?" : String.valueOf(m.contextLength), humanBytes(m.sizeBytes),
                    m.chatTemplate ? "own" : "chatml (default)", m.file.toString()});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + (w[i] + 2) + "s", r[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String humanCount(long n) {
        if (n >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        if (n >= 1_000_000L) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 1_000L) return String.format(Locale.ROOT, "%.1fK", n / 1e3);
        return String.valueOf(n);
    }

    static String humanBytes(long b) {
        // decimal units, as model hubs list file sizes
        if (b >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        if (b >= 1_000_000L) return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        if (b >= 1_000L) return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        return b + " B";
    }
}
