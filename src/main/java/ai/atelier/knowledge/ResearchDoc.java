package ai.atelier.knowledge;

import java.util.List;

/**
 * One vetted research document. {@code id} is its path relative to the company folder, which is
 * what provenance records name. Industries are lower-case; "general" marks cross-industry research.
 */
public record ResearchDoc(String id, String title, List<String> industries, String topic, String body) {
    public ResearchDoc {
        industries = List.copyOf(industries);
    }

    public boolean isFor(String industry) {
        return industries.contains(industry);
    }

    public boolean isGeneral() {
        return industries.contains("general") || industries.contains("all");
    }
}
