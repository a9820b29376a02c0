package ai.atelier.model.llama;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The header of a GGUF model file, read in plain Java: format version, tensor count, the metadata
 * key/value pairs (architecture, name, context length, quantization, chat template …) and the
 * tensor shapes. It exists for two reasons: {@code atelier models} can describe a model without
 * loading it, and every file is checked here (magic, structure, length) before llama.cpp's native
 * code sees it, because native code fed a truncated or foreign file can take the whole JVM down.
 * Arrays (the vocabulary, merges) are skipped, not kept, so reading a multi-gigabyte model costs a
 * few megabytes of I/O and almost no memory.
 */
public final class GgufMetadata {
    private static final int MAGIC = 0x46554747; // "GGUF" little-endian
    private static final long MAX_KEY = 64 * 1024;
    private static final long MAX_STRING = 64L * 1024 * 1024;
    private static final long MAX_ARRAY = 100_000_000L;
    private static final long MAX_TENSORS = 10_000_000L;
    private static final long MAX_KVS = 1_000_000L;

    // llama.cpp's enum llama_ftype, the value of general.file_type
    private static final Map<Integer, String> FILE_TYPES = Map.ofEntries(
            Map.entry(0, "F32"), Map.entry(1, "F16"), Map.entry(2, "Q4_0"), Map.entry(3, "Q4_1"), Map.entry(7, "Q8_0"),
            Map.entry(8, "Q5_0"), Map.entry(9, "Q5_1"), Map.entry(10, "Q2_K"), Map.entry(11, "Q3_K_S"), Map.entry(12, "Q3_K_M"),
            Map.entry(13, "Q3_K_L"), Map.entry(14, "Q4_K_S"), Map.entry(15, "Q4_K_M"), Map.entry(16, "Q5_K_S"),
            Map.entry(17, "Q5_K_M"), Map.entry(18, "Q6_K"), Map.entry(19, "IQ2_XXS"), Map.entry(20, "IQ2_XS"),
            Map.entry(21, "Q2_K_S"), Map.entry(22, "IQ3_XS"), Map.entry(23, "IQ3_XXS"), Map.entry(24, "IQ1_S"),
            Map.entry(25, "IQ4_NL"), Map.entry(26, "IQ3_S"), Map.entry(27, "IQ3_M"), Map.entry(28, "IQ2_S"),
            Map.entry(29, "IQ2_M"), Map.entry(30, "IQ4_XS"), Map.entry(31, "IQ1_M"), Map.entry(32, "BF16"),
            Map.entry(36, "TQ1_0"), Map.entry(37, "TQ2_0"), Map.entry(38, "MXFP4_MOE"));

    private final Path file;
    private final long fileSize;
    private final int version;
    private final long tensorCount;
    private final Map<String, Object> values;
    private final long tensorParameters;
    private final String dominantTensorType;

    private GgufMetadata(Path file, long fileSize, int version, long tensorCount, Map<String, Object> values,
                         long tensorParameters, String dominantTensorType) {
        this.file = file;
        this.fileSize = fileSize;
        this.version = version;
        this.tensorCount = tensorCount;
        this.values = Collections.unmodifiableMap(values);
        this.tensorParameters = tensorParameters;
        this.dominantTensorType = dominantTensorType;
    }

    /**
     * Reads and checks a GGUF file's header, tensor table and length.
     *
     * @throws ModelFileException when the file is missing, unreadable, not GGUF, corrupt or truncated
     */
    public static GgufMetadata read(Path file) {
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw new ModelFileException("model file " + shown + " does not exist; download a GGUF model and point the config's model: at it");
        }
        if (!Files.isRegularFile(file)) throw new ModelFileException("model file " + shown + " is not a regular file; point model: at a .gguf file");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ModelFileException("model file " + shown + " cannot be read: " + e.getMessage(), e);
        }
        try (InputStream raw = Files.newInputStream(file); LittleEndianInput in = new LittleEndianInput(raw)) {
            return parse(file, size, in);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file " + shown + " does not exist; download a GGUF model and point the config's model: at it", e);
        } catch (EOFException e) {
            throw new ModelFileException("model file " + shown + " is truncated (" + size + " bytes, the header ends early at byte "
                    + size + "); download it again", e);
        } catch (LittleEndianInput.GgufCorrupt e) {
            throw new ModelFileException("model file " + shown + " is not a valid GGUF file (" + e.getMessage() + "); download it again", e);
        } catch (IOException e) {
            throw new ModelFileException("model file " + shown + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static GgufMetadata parse(Path file, long size, LittleEndianInput in) throws IOException {
        if (size < 4) throw notGguf(file, "it has only " + size + " bytes");
        int magic = in.u32();
        if (magic != MAGIC) throw notGguf(file, "it does not start with the GGUF magic bytes");
        int version = in.u32();
        if (version == 1) {
            throw new ModelFileException("model file " + file + " is GGUF version 1, which llama.cpp no longer reads; download a current GGUF conversion");
        }
        if (version < 1 || version > 3) throw new ModelFileException("model file " + file + " has unknown GGUF version " + version + "; Atelier reads versions 2 and 3");
        long tensors = in.u64();
        long kvs = in.u64();
        if (tensors < 0 || tensors > MAX_TENSORS) throw new LittleEndianInput.GgufCorrupt("tensor count " + tensors);
        if (kvs < 0 || kvs > MAX_KVS) throw new LittleEndianInput.GgufCorrupt("metadata count " + kvs);

        Map<String, Object> values = new LinkedHashMap<>();
        for (long i = 0; i < kvs; i++) {
            String key = in.string(MAX_KEY);
            int type = in.u32();
            values.put(key, value(in, type, true));
        }

        long params = 0;
        long maxEnd = 0;
        Map<String, Long> bytesByType = new LinkedHashMap<>();
        for (long t = 0; t < tensors; t++) {
            in.string(MAX_KEY);
            int dims = in.u32();
            if (dims < 0 || dims > 8) throw new LittleEndianInput.GgufCorrupt("tensor with " + dims + " dimensions");
            long elements = 1;
            for (int d = 0; d < dims; d++) {
                long n = in.u64();
                if (n < 0) throw new LittleEndianInput.GgufCorrupt("negative tensor dimension");
                elements = Math.multiplyExact(elements, n);
            }
            int type = in.u32();
            long offset = in.u64();
            if (offset < 0) throw new LittleEndianInput.GgufCorrupt("negative tensor offset");
            params += elements;
            long bytes = GgmlType.bytes(type, elements);
            maxEnd = Math.max(maxEnd, offset + Math.max(bytes, 0));
            bytesByType.merge(GgmlType.name(type), Math.max(bytes, 0), Long::sum);
        }
        long alignment = values.get("general.alignment") instanceof Number n && n.longValue() > 0 ? n.longValue() : 32;
        long dataStart = (in.position() + alignment - 1) / alignment * alignment;
        long needed = dataStart + maxEnd;
        if (size < needed) {
            throw new ModelFileException("model file " + file + " is truncated: its tensors need " + needed + " bytes but the file has "
                    + size + "; download it again");
        }
        String dominant = bytesByType.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new GgufMetadata(file, size, version, tensors, values, params, dominant);
    }

    private static Object value(LittleEndianInput in, int type, boolean keepStrings) throws IOException {
        return switch (type) {
            case 0 -> in.u8();
            case 1 -> (int) (byte) in.u8();
            case 2 -> in.u8() | in.u8() << 8;
            case 3 -> (int) (short) (in.u8() | in.u8() << 8);
            case 4 -> in.u32() & 0xFFFFFFFFL;
            case 5 -> in.u32();
            case 6 -> Float.intBitsToFloat(in.u32());
            case 7 -> in.u8() != 0;
            case 8 -> keepStrings ? in.string(MAX_STRING) : skipString(in);
            case 9 -> array(in);
            case 10, 11 -> in.u64();
            case 12 -> Double.longBitsToDouble(in.u64());
            default -> throw new LittleEndianInput.GgufCorrupt("unknown metadata value type " + type + " at byte " + in.position());
        };
    }

    private static Object skipString(LittleEndianInput in) throws IOException {
        long len = in.u64();
        if (len < 0 || len > MAX_STRING) throw new LittleEndianInput.GgufCorrupt("a string of " + len + " bytes at byte " + in.position());
        in.skip(len);
        return null;
    }

    /** Arrays are skipped element by element; only their element type and length are kept. */
    private static GgufArray array(LittleEndianInput in) throws IOException {
        int elementType = in.u32();
        long count = in.u64();
        if (count < 0 || count > MAX_ARRAY) throw new LittleEndianInput.GgufCorrupt("an array of " + count + " elements");
        int fixed = switch (elementType) {
            case 0, 1, 7 -> 1;
            case 2, 3 -> 2;
            case 4, 5, 6 -> 4;
            case 10, 11, 12 -> 8;
            default -> -1;
        };
        if (fixed > 0) {
            in.skip(Math.multiplyExact(count, (long) fixed));
        } else {
            for (long i = 0; i < count; i++) value(in, elementType, false);
        }
        return new GgufArray(elementType, count);
    }

    private static ModelFileException notGguf(Path file, String why) {
        return new ModelFileException("model file " + file + " is not a GGUF file (" + why + "); Atelier runs llama.cpp models in GGUF format (.gguf)");
    }

    /** The length and element type of a metadata array whose contents were skipped. */
    record GgufArray(int elementType, long length) {}

    public Path file() {
        return file;
    }

    public long fileSize() {
        return fileSize;
    }

    public int version() {
        return version;
    }

    public long tensorCount() {
        return tensorCount;
    }

    /** Every metadata key in file order. */
    public Set<String> keys() {
        return values.keySet();
    }

    public Optional<String> string(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public OptionalLong integer(String key) {
        Object v = values.get(key);
        return v instanceof Long || v instanceof Integer ? OptionalLong.of(((Number) v).longValue()) : OptionalLong.empty();
    }

    /** Length of an array-valued key (e.g. the vocabulary size from tokenizer.ggml.tokens), if it is one. */
    public OptionalLong arrayLength(String key) {
        return values.get(key) instanceof GgufArray a ? OptionalLong.of(a.length()) : OptionalLong.empty();
    }

    public Optional<Boolean> bool(String key) {
        return values.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** {@code general.architecture}, e.g. llama, phi3, qwen2; "unknown" if the file does not say. */
    public String architecture() {
        return string("general.architecture").orElse("unknown");
    }

    /** {@code general.name}, else the file name without extension. */
    public String name() {
        return string("general.name").filter(s -> !s.isBlank()).orElseGet(() -> {
            String f = file.getFileName().toString();
            return f.toLowerCase(Locale.ROOT).endsWith(".gguf") ? f.substring(0, f.length() - 5) : f;
        });
    }

    /** {@code general.parameter_count}, else the sum of the tensors' element counts. */
    public long parameterCount() {
        return integer("general.parameter_count").orElse(tensorParameters);
    }

    /** The quantization from {@code general.file_type} (Q4_K_M, Q8_0, F16 …), else the type holding most tensor bytes. */
    public String quantization() {
        OptionalLong ft = integer("general.file_type");
        if (ft.isPresent()) return FILE_TYPES.getOrDefault((int) ft.getAsLong(), "file type " + ft.getAsLong());
        return dominantTensorType != null ? dominantTensorType : "unknown";
    }

    /** The context length the model was trained for ({@code <arch>.context_length}). */
    public OptionalLong contextLength() {
        return integer(architecture() + ".context_length");
    }

    /** The Jinja chat template the model was tuned with ({@code tokenizer.chat_template}). */
    public Optional<String> chatTemplate() {
        return string("tokenizer.chat_template").filter(s -> !s.isBlank());
    }

    /**
     * Whether llama.cpp puts a BOS token in front of a prompt: {@code tokenizer.ggml.add_bos_token},
     * else llama.cpp's default for the tokenizer family (SentencePiece "llama" vocabularies add one).
     */
    public boolean addsBosToken() {
        return bool("tokenizer.ggml.add_bos_token")
                .orElseGet(() -> string("tokenizer.ggml.model").map(m -> m.equals("llama")).orElse(false));
    }
}
