package ai.atelier.knowledge;

/** Identity and brand from company.yaml. */
public record CompanyInfo(String name, String tagline, Brand brand, String font, Contact contact) {

    /** Brand colours as #RRGGBB. */
    public record Brand(String primary, String accent, String background, String text) {}

    /** How a visitor reaches the company; any part may be absent. */
    public record Contact(String email, String phone, String url) {}
}
