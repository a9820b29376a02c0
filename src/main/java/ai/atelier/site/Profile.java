package ai.atelier.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One visitor, as the business knows them. Every field is untrusted visitor data: it is rendered
 * as quoted data in prompts and escaped in pages, never followed as an instruction. Only
 * {@code name} and {@code industry} are required; unknown fields survive in {@code extra}. It is
 * serializable, so a {@link ai.atelier.SiteJob} can be shipped to a batch executor.
 */
public record Profile(
        String id,
        String name,
        String company,
        String industry,
        Integer companySize,
        String companyType,
        String location,
        String role,
        String mission,
        List<String> interests,
        String language,
        Map<String, String> extra) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(industry, "industry");
        interests = interests == null ? List.of() : List.copyOf(interests);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        language = language == null || language.isBlank() ? "en" : language;
    }

    /** The visitor's first name, for a friendly greeting. */
    public String firstName() {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }

    /** The name of the visitor's organisation, or their own name when they gave none. */
    public String organisation() {
        return company == null || company.isBlank() ? name : company;
    }

    /** Lower-case industry key used to match company research ("Manufacturing " → "manufacturing"). */
    public String industryKey() {
        return industry.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
