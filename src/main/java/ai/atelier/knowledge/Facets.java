package ai.atelier.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which chunks carry which industry, topic and kind, as bit sets, so a filtered query starts from
 * the set of allowed chunk numbers in microseconds instead of decoding every chunk. Also keeps each
 * chunk's content hash, by which a re-ingest recognises text it has already embedded.
 */
final class Facets {
    private final int size;
    private final Map<String, BitSet> byIndustry;
    private final Map<String, BitSet> byTopic;
    private final Map<ChunkKind, BitSet> byKind;
    private final BitSet general;
    private final List<String> hashes;

    private Facets(int size, Map<String, BitSet> byIndustry, Map<String, BitSet> byTopic, Map<ChunkKind, BitSet> byKind,
                   BitSet general, List<String> hashes) {
        this.size = size;
        this.byIndustry = byIndustry;
        this.byTopic = byTopic;
        this.byKind = byKind;
        this.general = general;
        this.hashes = hashes;
    }

    static Facets of(List<Chunk> chunks, List<String> hashes) {
        Builder b = new Builder(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            b.add(i, c.kind(), c.topic(), c.industries());
        }
        return b.build(hashes);
    }

    /** Chunk numbers the query allows, or null when it allows every chunk. */
    BitSet allowed(Retriever.RetrievalQuery q) {
        BitSet out = null;
        if (q.industry() != null) {
            out = (BitSet) general.clone();
            BitSet ind = byIndustry.get(q.industry());
            if (ind != null) out.or(ind);
        }
        if (q.topic() != null) {
            BitSet t = byTopic.getOrDefault(q.topic().toLowerCase(Locale.ROOT), new BitSet());
            if (out == null) out = (BitSet) t.clone();
            else out.and(t);
        }
        if (q.kinds().size() < ChunkKind.values().length) {
            BitSet k = new BitSet(size);
            q.kinds().forEach(kind -> k.or(byKind.getOrDefault(kind, new BitSet())));
            if (out == null) out = k;
            else out.and(k);
        }
        return out;
    }

    String hash(int i) {
        return hashes.get(i);
    }

    List<String> hashes() {
        return hashes;
    }

    java.util.Set<String> industries() {
        return byIndustry.keySet();
    }

    java.util.Set<String> topics() {
        return byTopic.keySet();
    }

    // ---- persistence: kind, topic, industries and hash per chunk ------------------------------

    static byte[] encode(List<Chunk> chunks, List<String> hashes) {
        Map<String, Integer> dict = new LinkedHashMap<>();
        for (Chunk c : chunks) {
            dict.putIfAbsent(c.topic().toLowerCase(Locale.ROOT), dict.size());
            c.industries().forEach(ind -> dict.putIfAbsent(ind, dict.size()));
        }
        int size = 4 + 4;
        for (String s : dict.keySet()) size += 4 + s.getBytes(StandardCharsets.UTF_8).length;
        for (Chunk c : chunks) size += 1 + 4 + 4 + 4 * c.industries().size() + 32;
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(chunks.size()).putInt(dict.size());
        for (String s : dict.keySet()) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.putInt(b.length).put(b);
        }
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            out.put((byte) c.kind().ordinal()).putInt(dict.get(c.topic().toLowerCase(Locale.ROOT))).putInt(c.industries().size());
            c.industries().forEach(ind -> out.putInt(dict.get(ind)));
            out.put(hexToBytes(hashes.get(i)));
        }
        return out.array();
    }

    static Facets read(ByteBuffer in) {
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(), words = b.getInt();
        String[] dict = new String[words];
        for (int i = 0; i < words; i++) {
            byte[] s = new byte[b.getInt()];
            b.get(s);
            dict[i] = new String(s, StandardCharsets.UTF_8);
        }
        Builder builder = new Builder(n);
        List<String> hashes = new ArrayList<>(n);
        byte[] h = new byte[32];
        ChunkKind[] kinds = ChunkKind.values();
        for (int i = 0; i < n; i++) {
            ChunkKind kind = kinds[b.get()];
            String topic = dict[b.getInt()];
            int count = b.getInt();
            List<String> inds = new ArrayList<>(count);
            for (int j = 0; j < count; j++) inds.add(dict[b.getInt()]);
            builder.add(i, kind, topic, inds);
            b.get(h);
            hashes.add(bytesToHex(h));
        }
        return builder.build(hashes);
    }

    static byte[] hexToBytes(String hex) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    static String bytesToHex(byte[] b) {
        StringBuilder s = new StringBuilder(64);
        for (byte x : b) s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        return s.toString();
    }

    private static final class Builder {
        final int size;
        final Map<String, BitSet> byIndustry = new HashMap<>();
        final Map<String, BitSet> byTopic = new HashMap<>();
        final Map<ChunkKind, BitSet> byKind = new HashMap<>();
        final BitSet general;

        Builder(int size) {
            this.size = size;
            this.general = new BitSet(size);
        }

        void add(int i, ChunkKind kind, String topic, List<String> industries) {
            byKind.computeIfAbsent(kind, k -> new BitSet(size)).set(i);
            byTopic.computeIfAbsent(topic.toLowerCase(Locale.ROOT), k -> new BitSet()).set(i);
            for (String ind : industries) {
                if (ind.equals("general") || ind.equals("all")) general.set(i);
                byIndustry.computeIfAbsent(ind, k -> new BitSet(size)).set(i);
            }
        }

        Facets build(List<String> hashes) {
            return new Facets(size, byIndustry, byTopic, byKind, general, List.copyOf(hashes));
        }
    }
}
