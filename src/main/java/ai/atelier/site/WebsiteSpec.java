package ai.atelier.site;

import java.util.List;

/**
 * What the personalizer decided the visitor's page should say and show. Two parts, as in the
 * original design: a website description for the front-end developer (headline, sections, call to
 * action, disclaimer) and the visual elements for the artist. Every section lists the knowledge
 * chunks that informed it, which is the page's provenance.
 */
public record WebsiteSpec(
        String title,
        String headline,
        String intro,
        List<Section> sections,
        CallToAction callToAction,
        String disclaimer,
        List<VisualElement> visualElements) {

    public WebsiteSpec {
        sections = List.copyOf(sections);
        visualElements = List.copyOf(visualElements);
    }

    /** One block of the page. {@code kind} tells the design system how to lay it out. */
    public record Section(String id, SectionKind kind, String heading, String body, List<Item> items, List<String> sources) {
        public Section {
            items = items == null ? List.of() : List.copyOf(items);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    public enum SectionKind { PAIN_POINTS, OFFERINGS, TESTIMONIAL, STORY, TEXT }

    /**
     * A card, bullet or quote inside a section. {@code visual} names a visual element (an icon) or
     * is null; {@code ref} names an offering id for offering cards.
     */
    public record Item(String title, String text, String visual, String ref, List<String> points) {
        public Item {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    /** The one thing the page asks the visitor to do. {@code href} must be an allowed link. */
    public record CallToAction(String label, String text, String href) {}
}
