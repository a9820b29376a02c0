package ai.atelier.knowledge;

import java.util.List;

/** Something the company sells, and to which industries. */
public record Offering(String id, String name, String summary, List<String> industries, List<String> benefits) {
    public Offering {
        industries = List.copyOf(industries);
        benefits = List.copyOf(benefits);
    }
}
