package ai.atelier.model.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufMetadataTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheTinyModelsHeader() {
        GgufMetadata m = GgufMetadata.read(TinyModel.require());
        assertThat(m.version()).isIn(2, 3);
        assertThat(m.architecture()).isEqualTo("llama");
        assertThat(m.contextLength()).hasValue(2048);
        // README: 4.2 M parameters, 64 wide, 2 layers, 32,064-token vocabulary
        assertThat(m.parameterCount()).isBetween(4_000_000L, 4_400_000L);
        assertThat(m.arrayLength("tokenizer.ggml.tokens")).hasValue(32064);
        assertThat(m.chatTemplate()).get().asString().contains("<|assistant|>");
        assertThat(m.quantization()).isNotBlank().isNotEqualTo("unknown");
        assertThat(m.addsBosToken()).isTrue();
        assertThat(m.fileSize()).isEqualTo(sizeOf(TinyModel.require()));
    }

    @Test
    void missingFileIsAClearError() {
        Path missing = tmp.resolve("nope.gguf");
        assertThatThrownBy(() -> GgufMetadata.read(missing))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void nonGgufFileIsRefusedBeforeNativeCode() throws IOException {
        Path text = Files.writeString(tmp.resolve("model.gguf"), "this is not a model, just some text that is long enough");
        assertThatThrownBy(() -> GgufMetadata.read(text))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("is not a GGUF file");
        Path tiny = Files.write(tmp.resolve("two.gguf"), new byte[]{1, 2});
        assertThatThrownBy(() -> GgufMetadata.read(tiny)).hasMessageContaining("is not a GGUF file");
        assertThatThrownBy(() -> GgufMetadata.read(tmp)).hasMessageContaining("not a regular file");
    }

    @Test
    void fileCutInTheHeaderIsTruncated() throws IOException {
        byte[] all = Files.readAllBytes(TinyModel.require());
        Path cut = Files.write(tmp.resolve("cut.gguf"), Arrays.copyOf(all, 4096));
        assertThatThrownBy(() -> GgufMetadata.read(cut))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("is truncated");
    }

    @Test
    void fileCutInTheTensorDataIsTruncated() throws IOException {
        byte[] all = Files.readAllBytes(TinyModel.require());
        Path cut = Files.write(tmp.resolve("half.gguf"), Arrays.copyOf(all, all.length - 1000));
        assertThatThrownBy(() -> GgufMetadata.read(cut))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("is truncated: its tensors need " + all.length + " bytes but the file has " + (all.length - 1000));
    }

    @Test
    void readsEveryValueTypeAndComputesParametersFromTensorShapes() throws IOException {
        Gguf g = new Gguf();
        g.kv("general.architecture", 8).str("phi3");
        g.kv("general.name", 8).str("Hand Made");
        g.kv("phi3.context_length", 4).u32(4096);
        g.kv("a.u8", 0).u8(7);
        g.kv("a.i16", 3).u16(-2);
        g.kv("a.f32", 6).u32(Float.floatToIntBits(1.5f));
        g.kv("tokenizer.ggml.add_bos_token", 7).u8(0);
        g.kv("a.u64", 10).u64(1L << 40);
        g.kv("a.f64", 12).u64(Double.doubleToLongBits(2.5));
        g.kv("tokenizer.ggml.tokens", 9).u32(8).u64(3).str("a").str("bb").str("ccc");
        g.kv("a.ints", 9).u32(5).u64(4).u32(1).u32(2).u32(3).u32(4);
        // two tensors: 32x4 Q8_0 (4 blocks of 34 bytes) and 10 F32 (40 bytes)
        g.tensor("w", 2, new long[]{32, 4}, 8, 0).tensor("b", 1, new long[]{10}, 0, 160);
        byte[] file = g.bytes(160 + 40);
        Path p = Files.write(tmp.resolve("hand.gguf"), file);

        GgufMetadata m = GgufMetadata.read(p);
        assertThat(m.architecture()).isEqualTo("phi3");
        assertThat(m.name()).isEqualTo("Hand Made");
        assertThat(m.contextLength()).hasValue(4096);
        assertThat(m.integer("a.u8")).hasValue(7);
        assertThat(m.integer("a.i16")).hasValue(-2);
        assertThat(m.integer("a.u64")).hasValue(1L << 40);
        assertThat(m.arrayLength("tokenizer.ggml.tokens")).hasValue(3);
        assertThat(m.arrayLength("a.ints")).hasValue(4);
        assertThat(m.addsBosToken()).isFalse();
        assertThat(m.tensorCount()).isEqualTo(2);
        assertThat(m.parameterCount()).isEqualTo(32 * 4 + 10);
        assertThat(m.quantization()).isEqualTo("Q8_0"); // no general.file_type: the type holding most bytes
        assertThat(m.chatTemplate()).isEmpty();

        Path shortData = Files.write(tmp.resolve("short.gguf"), Arrays.copyOf(file, file.length - 1));
        assertThatThrownBy(() -> GgufMetadata.read(shortData)).hasMessageContaining("is truncated");
    }

    @Test
    void absurdLengthsAreCorruptNotOutOfMemory() throws IOException {
        Gguf g = new Gguf();
        g.kv("general.architecture", 8).u64(Long.MAX_VALUE / 2);
        Path p = Files.write(tmp.resolve("corrupt.gguf"), g.bytes(0));
        assertThatThrownBy(() -> GgufMetadata.read(p)).hasMessageContaining("is not a valid GGUF file");
    }

    @Test
    void infoTableShowsWhatModelsListNeeds() {
        GgufModelInfo info = GgufModelInfo.read("tiny", TinyModel.require());
        String table = GgufModelInfo.table(List.of(info));
        assertThat(table.lines().findFirst().orElseThrow()).contains("MODEL", "ARCH", "PARAMS", "QUANT", "CONTEXT", "SIZE");
        assertThat(table).contains("tiny", "llama", "4.2M", "2048", info.quantization(), "5.4 MB", "own");
        assertThat(info.summary()).isEqualTo("tiny (llama, 4.2M params, " + info.quantization() + ", ctx 2048, 5.4 MB)");
    }

    @Test
    void infoTableListsUnreadableFilesAsErrorsWithoutFailing() {
        java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put("tiny", TinyModel.require());
        files.put("gone", tmp.resolve("gone.gguf"));
        String table = GgufModelInfo.tableOf(files);
        assertThat(table).contains("tiny   llama").contains("gone: model file " + tmp.resolve("gone.gguf") + " does not exist");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A minimal GGUF v3 writer for hand-made test files. */
    private static final class Gguf {
        private final ByteArrayOutputStream kvs = new ByteArrayOutputStream();
        private final ByteArrayOutputStream tensors = new ByteArrayOutputStream();
        private int kvCount;
        private int tensorCount;
        private ByteArrayOutputStream cur = kvs;

        Gguf kv(String key, int type) {
            cur = kvs;
            kvCount++;
            str(key);
            return u32(type);
        }

        Gguf tensor(String name, int dims, long[] shape, int type, long offset) {
            cur = tensors;
            tensorCount++;
            str(name).u32(dims);
            for (long d : shape) u64(d);
            return u32(type).u64(offset);
        }

        Gguf u8(int v) {
            cur.write(v);
            return this;
        }

        Gguf u16(int v) {
            return u8(v & 0xFF).u8((v >> 8) & 0xFF);
        }

        Gguf u32(int v) {
            cur.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
            return this;
        }

        Gguf u64(long v) {
            cur.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            return this;
        }

        Gguf str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            cur.writeBytes(b);
            return this;
        }

        byte[] bytes(int dataBytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0x46554747).putInt(3).putLong(tensorCount).putLong(kvCount);
            out.writeBytes(head.array());
            out.writeBytes(kvs.toByteArray());
            out.writeBytes(tensors.toByteArray());
            while (out.size() % 32 != 0) out.write(0);
            out.writeBytes(new byte[dataBytes]);
            return out.toByteArray();
        }
    }
}
