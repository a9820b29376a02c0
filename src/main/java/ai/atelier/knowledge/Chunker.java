package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits documents into chunks at headings, and long sections at paragraph boundaries, carrying the
 * end of the previous paragraph along as overlap so that no idea is cut from its context. A
 * paragraph longer than a chunk (PDF text, plain text with no blank lines) is cut at sentence
 * boundaries, with the same overlap.
 */
public final class Chunker {
    private final int maxChars;

    public Chunker() {
        this(1200);
    }

    public Chunker(int maxChars) {
        if (maxChars < 100) throw new IllegalArgumentException("maxChars must be at least 100");
        this.maxChars = maxChars;
    }

    public List<Chunk> chunk(ResearchDoc doc) {
        return chunk(doc, ChunkKind.RESEARCH);
    }

    /** Chunks a document of any kind (research, or the design guidelines read as a document). */
    public List<Chunk> chunk(ResearchDoc doc, ChunkKind kind) {
        List<Chunk> out = new ArrayList<>();
        String heading = doc.title();
        List<String> paragraphs = new ArrayList<>();
        for (String block : doc.body().split("\\n\\s*\\n")) {
            String b = block.strip();
            if (b.isEmpty()) continue;
            if (b.startsWith("#")) {
                String firstLine = b.lines().findFirst().orElse("");
                flush(doc, kind, heading, paragraphs, out);
                heading = firstLine.replaceFirst("^#+\\s*", "").strip();
                String rest = b.substring(firstLine.length()).strip();
                if (!rest.isEmpty()) paragraphs.addAll(pieces(rest));
            } else {
                paragraphs.addAll(pieces(b));
            }
        }
        flush(doc, kind, heading, paragraphs, out);
        return out;
    }

    private void flush(ResearchDoc doc, ChunkKind kind, String heading, List<String> paragraphs, List<Chunk> out) {
        if (paragraphs.isEmpty()) return;
        StringBuilder current = new StringBuilder();
        String previous = null;
        for (String p : paragraphs) {
            if (current.length() > 0 && current.length() + p.length() > maxChars) {
                out.add(chunk(doc, kind, heading, current.toString(), out.size()));
                current.setLength(0);
                String overlap = overlap(previous);
                if (!overlap.isEmpty() && overlap.length() + p.length() <= maxChars) current.append(overlap).append("\n\n");
            }
            current.append(p).append("\n\n");
            previous = p;
        }
        out.add(chunk(doc, kind, heading, current.toString(), out.size()));
        paragraphs.clear();
    }

    /** The previous paragraph when short, else its last sentence when that is short enough. */
    private String overlap(String previous) {
        if (previous == null) return "";
        if (previous.length() < maxChars / 2) return previous;
        List<String> sentences = sentences(previous);
        String last = sentences.get(sentences.size() - 1);
        return last.length() < maxChars / 3 ? last : "";
    }

    /**
     * A paragraph as pieces that fit a chunk: whole when it fits, else runs of sentences at most two
     * thirds of a chunk long, leaving room for the overlap sentence carried over from the piece before.
     */
    private List<String> pieces(String paragraph) {
        String p = paragraph.contains("\n") && !looksLikeList(paragraph) ? paragraph.replaceAll("\\s*\\n\\s*", " ") : paragraph;
        if (p.length() <= maxChars) return List.of(p);
        int maxChars = this.maxChars - this.maxChars / 3;
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String s : sentences(p)) {
            while (s.length() > maxChars) { // a run-on "sentence": cut at the last space that fits
                int cut = s.lastIndexOf(' ', maxChars);
                if (cut <= 0) cut = maxChars;
                if (cur.length() > 0) {
                    out.add(cur.toString().strip());
                    cur.setLength(0);
                }
                out.add(s.substring(0, cut).strip());
                s = s.substring(cut).strip();
            }
            if (cur.length() > 0 && cur.length() + s.length() + 1 > maxChars) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
            cur.append(s).append(' ');
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static boolean looksLikeList(String p) {
        return p.lines().skip(1).anyMatch(l -> l.stripLeading().matches("([-*+]|\\d+[.)])\\s.*"));
    }

    private static List<String> sentences(String p) {
        List<String> out = new ArrayList<>();
        for (String s : p.split("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])")) {
            if (!s.isBlank()) out.add(s.strip());
        }
        if (out.isEmpty()) out.add(p.strip());
        return out;
    }

    private static Chunk chunk(ResearchDoc doc, ChunkKind kind, String heading, String text, int n) {
        return new Chunk(doc.id() + "#" + n, doc.id(), doc.title(), heading, text.strip(), doc.industries(), doc.topic(), kind);
    }
}
