package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts everything a company knows into retrievable chunks: research documents and the design
 * guidelines by heading and paragraph, each offering and each testimonial whole. Offerings keep the
 * ids the personalizer cites ({@code offerings.yaml#<id>}); their topic is the offering id, which the
 * example company lines up with its research topics.
 */
public final class CompanyChunks {
    static final String GUIDELINES_FILE = "design-guidelines.md";
    private final Chunker chunker;

    public CompanyChunks(Chunker chunker) {
        this.chunker = chunker;
    }

    public CompanyChunks() {
        this(new Chunker());
    }

    public List<Chunk> of(Company company) {
        List<Chunk> out = new ArrayList<>();
        for (ResearchDoc d : company.research()) out.addAll(chunker.chunk(d, ChunkKind.RESEARCH));
        for (Offering o : company.offerings()) {
            StringBuilder text = new StringBuilder(o.summary());
            if (!o.benefits().isEmpty()) text.append("\n\n").append(String.join("\n", o.benefits().stream().map(b -> "- " + b).toList()));
            List<String> industries = o.industries().isEmpty() ? List.of("general") : o.industries();
            out.add(new Chunk("offerings.yaml#" + o.id(), "offerings.yaml", "Offerings", o.name(), text.toString(),
                    industries, o.id(), ChunkKind.OFFERING));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Testimonial t : company.testimonials()) {
            String base = "testimonials.yaml#" + slug(t.author());
            String id = base;
            for (int n = 2; !ids.add(id); n++) id = base + "-" + n;
            String who = String.join(", ", java.util.stream.Stream.of(t.author(), t.role(), t.company())
                    .filter(s -> s != null && !s.isBlank()).toList());
            out.add(new Chunk(id, "testimonials.yaml", "Testimonials", who, t.quote(), List.of(t.industry()),
                    "testimonial", ChunkKind.TESTIMONIAL));
        }
        String guidelines = company.designGuidelines();
        if (guidelines != null && !guidelines.isBlank()) {
            ResearchDoc doc = new ResearchDoc(GUIDELINES_FILE, "Design guidelines", List.of("general"), "design-guidelines", guidelines);
            out.addAll(chunker.chunk(doc, ChunkKind.GUIDELINE));
        }
        return out;
    }

    /** The anchor of a testimonial's chunk: the same slug the spec's sources cite. */
    static String slug(String s) {
        return ai.atelier.Slug.of(s, ai.atelier.Slug.MAX, "entry");
    }
}
