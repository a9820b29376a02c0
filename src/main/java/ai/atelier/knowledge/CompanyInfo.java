package ai.atelier.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Identity and brand from company.yaml, with two optional fields: {@code industries} (each industry
 * key the company uses, with the other names a visitor may give it: "logistics" ← "freight",
 * "food distribution") and {@code callToAction} (the company's own next step, label and link).
 */
public record CompanyInfo(String name, String tagline, Brand brand, String font, Contact contact,
                          Map<String, List<String>> industries, CallToAction callToAction) {
    public CompanyInfo {
        industries = industries == null ? Map.of() : Map.copyOf(industries);
    }

    public CompanyInfo(String name, String tagline, Brand brand, String font, Contact contact) {
        this(name, tagline, brand, font, contact, Map.of(), null);
    }

    /** Brand colours as #RRGGBB. */
    public record Brand(String primary, String accent, String background, String text) {}

    /** How a visitor reaches the company; any part may be absent. */
    public record Contact(String email, String phone, String url) {}

    /** The company's call to action: the button's label and where it goes (an https URL, a mailto: or a #fragment); href may be null. */
    public record CallToAction(String label, String href) {}
}
