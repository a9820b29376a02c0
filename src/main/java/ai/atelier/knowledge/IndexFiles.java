package ai.atelier.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a knowledge index, one folder:
 * <pre>
 *   index.header   magic "ATELIER-KB", format version, manifest, CRC-32C of the manifest
 *   chunks.bin     chunk texts and metadata (decoded on demand)
 *   facets.bin     kind, topic, industries and content hash per chunk
 *   vectors.bin    unit embeddings, float32 little-endian, one row per chunk
 *   lexical.bin    BM25 postings
 *   graph.bin      HNSW graph (only above the graph threshold)
 * </pre>
 * A new index is written to a sibling temporary folder, header last, then moved into place, so a
 * crash leaves the old index or none, never a mix. Reading checks the header's own checksum, the
 * format and model, then every data file's size and CRC-32C before any of it is used.
 */
final class IndexFiles {
    static final int FORMAT = 1;
    static final String HEADER = "index.header";
    private static final byte[] MAGIC = "ATELIER-KB".getBytes(StandardCharsets.US_ASCII);

    private IndexFiles() {}

    /** The data files of an index, as bytes to write. */
    record Contents(byte[] chunks, byte[] facets, ByteBuffer vectors, ByteBuffer lexical, ByteBuffer graph) {}

    /** The checked, mapped data files of a saved index. */
    record Mapped(IndexManifest manifest, ByteBuffer chunks, ByteBuffer facets, ByteBuffer vectors, ByteBuffer lexical, ByteBuffer graph) {}

    static void write(Path dir, Contents c, IndexManifest draft) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, dir.getFileName() + ".tmp-");
        try {
            Map<String, IndexManifest.FileSum> sums = new LinkedHashMap<>();
            sums.put("chunks.bin", writeFile(tmp.resolve("chunks.bin"), ByteBuffer.wrap(c.chunks())));
            sums.put("facets.bin", writeFile(tmp.resolve("facets.bin"), ByteBuffer.wrap(c.facets())));
            sums.put("vectors.bin", writeFile(tmp.resolve("vectors.bin"), c.vectors()));
            sums.put("lexical.bin", writeFile(tmp.resolve("lexical.bin"), c.lexical()));
            if (c.graph() != null) sums.put("graph.bin", writeFile(tmp.resolve("graph.bin"), c.graph()));
            IndexManifest m = new IndexManifest(FORMAT, draft.model(), draft.dims(), draft.chunks(), draft.company(), draft.builtAt(),
                    c.graph() != null, sums, draft.sources(), draft.skipped());
            byte[] json = encodeManifest(m);
            CRC32C crc = new CRC32C();
            crc.update(json);
            ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
            header.put(MAGIC).putInt(FORMAT).putInt(json.length).put(json).putLong(crc.getValue()).flip();
            writeFile(tmp.resolve(HEADER), header);
            replace(tmp, dir);
        } finally {
            deleteTree(tmp);
        }
    }

    private static IndexManifest.FileSum writeFile(Path p, ByteBuffer data) throws IOException {
        ByteBuffer b = data.duplicate();
        b.rewind();
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate());
        long size = b.remaining();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        return new IndexManifest.FileSum(size, crc.getValue());
    }

    /** Moves the finished folder into place; the old index, if any, is moved aside first and then deleted. */
    private static void replace(Path tmp, Path dir) throws IOException {
        Path old = null;
        if (Files.exists(dir)) {
            old = dir.resolveSibling(dir.getFileName() + ".old-" + System.nanoTime());
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another process finished first: theirs is as good as ours
        }
        if (old != null) deleteTree(old);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless; it is never read as an index
        }
    }

    /** Reads the header alone: enough to tell format, model and sources without mapping the data. */
    static IndexManifest header(Path dir) throws IndexProblem {
        Path h = dir.resolve(HEADER);
        if (!Files.isRegularFile(h)) throw new IndexProblem(IndexProblem.Kind.MISSING, "no index at " + dir);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(h);
        } catch (IOException e) {
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index header " + h + " cannot be read: " + e.getMessage());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 16 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index header " + h + " is not an Atelier index header");
        }
        b.position(MAGIC.length);
        int format = b.getInt();
        if (format != FORMAT) {
            throw new IndexProblem(IndexProblem.Kind.VERSION, "index at " + dir + " has format version " + format + ", this Atelier reads version " + FORMAT);
        }
        int len = b.getInt();
        if (len < 0 || len > b.remaining() - 8) throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index header " + h + " is truncated");
        byte[] json = new byte[len];
        b.get(json);
        CRC32C crc = new CRC32C();
        crc.update(json);
        if (b.getLong() != crc.getValue() || b.hasRemaining()) {
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index header " + h + " fails its checksum");
        }
        try {
            IndexManifest m = decodeManifest(json);
            if (m.format() != FORMAT) throw new IndexProblem(IndexProblem.Kind.VERSION, "index at " + dir + " has format version " + m.format());
            return m;
        } catch (IOException e) {
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index header " + h + " has an unreadable manifest: " + e.getMessage());
        }
    }

    /**
     * The manifest in a small binary form rather than JSON: a cold JVM opens the index without
     * loading a JSON library, which alone costs a few hundred milliseconds of start-up.
     */
    static byte[] encodeManifest(IndexManifest m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.writeInt(m.format());
            o.writeUTF(m.model());
            o.writeInt(m.dims());
            o.writeInt(m.chunks());
            o.writeUTF(m.company());
            o.writeUTF(m.builtAt());
            o.writeBoolean(m.graph());
            o.writeInt(m.files().size());
            for (var e : new java.util.TreeMap<>(m.files()).entrySet()) {
                o.writeUTF(e.getKey());
                o.writeLong(e.getValue().bytes());
                o.writeLong(e.getValue().crc32c());
            }
            o.writeInt(m.sources().size());
            for (IndexManifest.Source s : m.sources()) {
                o.writeUTF(s.file());
                o.writeUTF(s.kind());
                o.writeUTF(s.hash());
                o.writeInt(s.chunks());
            }
            o.writeInt(m.skipped().size());
            for (SkippedFile f : m.skipped()) {
                o.writeUTF(f.file());
                o.writeUTF(f.reason().length() > 8000 ? f.reason().substring(0, 8000) : f.reason());
            }
        }
        return bytes.toByteArray();
    }

    static IndexManifest decodeManifest(byte[] b) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int format = in.readInt();
            String model = in.readUTF();
            int dims = in.readInt(), chunks = in.readInt();
            String company = in.readUTF(), builtAt = in.readUTF();
            boolean graph = in.readBoolean();
            Map<String, IndexManifest.FileSum> files = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) files.put(in.readUTF(), new IndexManifest.FileSum(in.readLong(), in.readLong()));
            List<IndexManifest.Source> sources = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) sources.add(new IndexManifest.Source(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt()));
            List<SkippedFile> skipped = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) skipped.add(new SkippedFile(in.readUTF(), in.readUTF()));
            if (in.available() != 0) throw new IOException("trailing bytes after the manifest");
            return new IndexManifest(format, model, dims, chunks, company, builtAt, graph, files, sources, skipped);
        }
    }

    /** Maps and verifies every data file; throws before anything is used if one does not check out. */
    static Mapped read(Path dir, String model, int dims) throws IndexProblem {
        IndexManifest m = header(dir);
        if (!model.equals(m.model()) || dims != m.dims()) {
            throw new IndexProblem(IndexProblem.Kind.VERSION, "index at " + dir + " was built with embedding model " + m.model() + " (" + m.dims()
                    + " dims), this Atelier uses " + model + " (" + dims + " dims)");
        }
        List<String> required = m.graph() ? List.of("chunks.bin", "facets.bin", "vectors.bin", "lexical.bin", "graph.bin")
                : List.of("chunks.bin", "facets.bin", "vectors.bin", "lexical.bin");
        Map<String, ByteBuffer> mapped = new LinkedHashMap<>();
        for (String name : required) {
            IndexManifest.FileSum sum = m.files().get(name);
            if (sum == null) throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index at " + dir + " lists no " + name);
            mapped.put(name, map(dir.resolve(name), sum));
        }
        long vectorBytes = (long) m.chunks() * m.dims() * 4;
        if (mapped.get("vectors.bin").capacity() != vectorBytes) {
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index at " + dir + ": vectors.bin holds " + mapped.get("vectors.bin").capacity()
                    + " bytes, expected " + vectorBytes);
        }
        return new Mapped(m, mapped.get("chunks.bin"), mapped.get("facets.bin"), mapped.get("vectors.bin"),
                mapped.get("lexical.bin"), mapped.get("graph.bin"));
    }

    private static ByteBuffer map(Path p, IndexManifest.FileSum sum) throws IndexProblem {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size != sum.bytes()) {
                throw new IndexProblem(IndexProblem.Kind.CORRUPT, p + " is " + size + " bytes, the header says " + sum.bytes());
            }
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            CRC32C crc = new CRC32C();
            crc.update(b.duplicate());
            if (crc.getValue() != sum.crc32c()) throw new IndexProblem(IndexProblem.Kind.CORRUPT, p + " fails its checksum");
            return b.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, p + " cannot be read: " + e.getMessage());
        }
    }
}
