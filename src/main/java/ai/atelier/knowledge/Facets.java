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
    private final byte[] hashes; // 32 bytes of SHA-256 per chunk

    private Facets(int size, Map<String, BitSet> byIndustry, Map<String, BitSet> byTopic, Map<ChunkKind, BitSet> byKind,
                   BitSet general, byte[] hashes) {
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
        byte[] raw = new byte[32 * hashes.size()];
        for (int i = 0; i < hashes.size(); i++) System.arraycopy(hexToBytes(hashes.get(i)), 0, raw, 32 * i, 32);
        return b.build(raw);
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
        return bytesToHex(java.util.Arrays.copyOfRange(hashes, 32 * i, 32 * i + 32));
    }

    /** Content hashes in chunk order (hex); built on demand, for re-ingest only. */
    List<String> hashes() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(hash(i));
        return out;
    }

    int size() {
        return size;
    }

    java.util.Set<String> industries() {
        return byIndustry.keySet();
    }

    java.util.Set<String> topics() {
        return byTopic.keySet();
    }

    // ---- persistence: columns of kind, topic, industries and hash per chunk -------------------

    static byte[] encode(List<Chunk> chunks, List<String> hashes) {
        Map<String, Integer> dict = new LinkedHashMap<>();
        int industryCount = 0;
        for (Chunk c : chunks) {
            dict.putIfAbsent(c.topic().toLowerCase(Locale.ROOT), dict.size());
            c.industries().forEach(ind -> dict.putIfAbsent(ind, dict.size()));
            industryCount += c.industries().size();
        }
        int n = chunks.size();
        long size = 4 + 4 + 4;
        for (String s : dict.keySet()) size += 4 + s.getBytes(StandardCharsets.UTF_8).length;
        size += n + 4L * n + 4L * (n + 1) + 4L * industryCount + 32L * n;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(n).putInt(dict.size()).putInt(industryCount);
        for (String s : dict.keySet()) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.putInt(b.length).put(b);
        }
        for (Chunk c : chunks) out.put((byte) c.kind().ordinal());
        for (Chunk c : chunks) out.putInt(dict.get(c.topic().toLowerCase(Locale.ROOT)));
        int at = 0;
        for (Chunk c : chunks) {
            out.putInt(at);
            at += c.industries().size();
        }
        out.putInt(at);
        for (Chunk c : chunks) c.industries().forEach(ind -> out.putInt(dict.get(ind)));
        for (String h : hashes) out.put(hexToBytes(h));
        return out.array();
    }

    static Facets read(ByteBuffer in) {
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(), words = b.getInt(), industryCount = b.getInt();
        String[] dict = new String[words];
        for (int i = 0; i < words; i++) {
            byte[] s = new byte[b.getInt()];
            b.get(s);
            dict[i] = new String(s, StandardCharsets.UTF_8);
        }
        byte[] kinds = new byte[n];
        b.get(kinds);
        int[] topics = ints(b, n);
        int[] starts = ints(b, n + 1);
        int[] industries = ints(b, industryCount);
        byte[] hashes = new byte[32 * n];
        b.get(hashes);
        // columns → bit sets, one pass per column so each loop stays trivial
        Map<Integer, BitSet> byWord = new HashMap<>();
        for (int i = 0; i < n; i++) byWord.computeIfAbsent(topics[i], k -> new BitSet()).set(i);
        Map<String, BitSet> byTopic = new HashMap<>();
        byWord.forEach((w, bits) -> byTopic.put(dict[w], bits));
        Map<Integer, BitSet> byInd = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = starts[i]; j < starts[i + 1]; j++) byInd.computeIfAbsent(industries[j], k -> new BitSet(n)).set(i);
        }
        Map<String, BitSet> byIndustry = new HashMap<>();
        BitSet general = new BitSet(n);
        byInd.forEach((w, bits) -> {
            byIndustry.put(dict[w], bits);
            if (dict[w].equals("general") || dict[w].equals("all")) general.or(bits);
        });
        Map<ChunkKind, BitSet> byKind = new HashMap<>();
        ChunkKind[] all = ChunkKind.values();
        for (int i = 0; i < n; i++) byKind.computeIfAbsent(all[kinds[i]], k -> new BitSet(n)).set(i);
        return new Facets(n, byIndustry, byTopic, byKind, general, hashes);
    }

    private static int[] ints(ByteBuffer b, int count) {
        int[] out = new int[count];
        ByteBuffer s = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        s.limit(count * 4);
        s.asIntBuffer().get(out);
        b.position(b.position() + count * 4);
        return out;
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

        Facets build(byte[] hashes) {
            return new Facets(size, byIndustry, byTopic, byKind, general, hashes);
        }
    }
}
