package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits research documents into chunks at headings, and long sections at paragraph boundaries,
 * carrying the previous paragraph along as overlap so that no idea is cut from its context.
 */
public final class Chunker {
    private final int maxChars;

    public Chunker() {
        this(1200);
    }

    public Chunker(int maxChars) {
        this.maxChars = maxChars;
    }

    public List<Chunk> chunk(ResearchDoc doc) {
        List<Chunk> out = new ArrayList<>();
        String heading = doc.title();
        List<String> paragraphs = new ArrayList<>();
        for (String block : doc.body().split("\\n\\s*\\n")) {
            String b = block.strip();
            if (b.isEmpty()) continue;
            if (b.startsWith("#")) {
                String firstLine = b.lines().findFirst().orElse("");
                flush(doc, heading, paragraphs, out);
                heading = firstLine.replaceFirst("^#+\\s*", "").strip();
                String rest = b.substring(firstLine.length()).strip();
                if (!rest.isEmpty()) paragraphs.add(rest);
            } else {
                paragraphs.add(b);
            }
        }
        flush(doc, heading, paragraphs, out);
        return out;
    }

    private void flush(ResearchDoc doc, String heading, List<String> paragraphs, List<Chunk> out) {
        if (paragraphs.isEmpty()) return;
        StringBuilder current = new StringBuilder();
        String previous = null;
        for (String p : paragraphs) {
            if (current.length() > 0 && current.length() + p.length() > maxChars) {
                out.add(chunk(doc, heading, current.toString(), out.size()));
                current.setLength(0);
                if (previous != null && previous.length() < maxChars / 2) current.append(previous).append("\n\n");
            }
            current.append(p).append("\n\n");
            previous = p;
        }
        out.add(chunk(doc, heading, current.toString(), out.size()));
        paragraphs.clear();
    }

    private static Chunk chunk(ResearchDoc doc, String heading, String text, int n) {
        return new Chunk(doc.id() + "#" + n, doc.id(), doc.title(), heading, text.strip(), doc.industries(), doc.topic());
    }
}
