package ai.atelier.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The chunks of a saved index, decoded only when asked for. A search returns a handful of chunks
 * out of possibly 100,000, so loading keeps the encoded bytes (a memory map) and an offset table
 * instead of building every {@link Chunk} at start-up.
 */
final class ChunkStore extends AbstractList<Chunk> implements RandomAccess {
    private final ByteBuffer data;
    private final int size;
    private final int dataStart;

    private ChunkStore(ByteBuffer data) {
        this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.size = this.data.getInt(0);
        this.dataStart = 4 + 8 * (size + 1);
    }

    static ChunkStore read(ByteBuffer in) {
        return new ChunkStore(in);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Chunk get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        long from = data.getLong(4 + 8 * i);
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position(dataStart + (int) from);
        String id = str(b), source = str(b), title = str(b), heading = str(b), text = str(b), topic = str(b), kind = str(b);
        String industries = str(b);
        return new Chunk(id, source, title, heading, text, Arrays.asList(industries.split(",")), topic, ChunkKind.valueOf(kind));
    }

    private static String str(ByteBuffer b) {
        int len = b.getInt();
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Encodes chunks in the layout {@link #read} decodes: count, offsets, then length-prefixed UTF-8 fields. */
    static byte[] encode(List<Chunk> chunks) {
        List<byte[]> records = new ArrayList<>(chunks.size());
        long total = 0;
        for (Chunk c : chunks) {
            byte[][] fields = {utf8(c.id()), utf8(c.sourceFile()), utf8(c.docTitle()), utf8(c.heading()), utf8(c.text()),
                    utf8(c.topic()), utf8(c.kind().name()), utf8(String.join(",", c.industries()))};
            int len = 0;
            for (byte[] f : fields) len += 4 + f.length;
            ByteBuffer r = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
            for (byte[] f : fields) r.putInt(f.length).put(f);
            records.add(r.array());
            total += len;
        }
        long size = 4 + 8L * (chunks.size() + 1) + total;
        if (size > Integer.MAX_VALUE) throw new IllegalStateException("chunk store over 2 GiB; split the company knowledge");
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(chunks.size());
        long at = 0;
        for (byte[] r : records) {
            out.putLong(at);
            at += r.length;
        }
        out.putLong(at);
        records.forEach(out::put);
        return out.array();
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
