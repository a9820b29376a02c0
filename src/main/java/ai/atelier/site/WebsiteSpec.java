package ai.atelier.site;

import ai.atelier.model.Shape;
import java.util.List;

/**
 * What the personalizer decided the visitor's page should say and show. Two parts, as in the
 * original design: a website description for the front-end developer (headline, sections, call to
 * action, disclaimer) and the visual elements for the artist. Every section lists the knowledge
 * chunks that informed it, which is the page's provenance.
 */
public record WebsiteSpec(
        @Shape(minLength = 1, maxLength = 120) String title,
        @Shape(minLength = 1, maxLength = 160) String headline,
        @Shape(minLength = 1, maxLength = 800) String intro,
        @Shape(minItems = 1, maxItems = 10) List<Section> sections,
        CallToAction callToAction,
        @Shape(maxLength = 600) String disclaimer,
        @Shape(minItems = 1, maxItems = 10) List<VisualElement> visualElements) {

    public WebsiteSpec {
        sections = List.copyOf(sections);
        visualElements = List.copyOf(visualElements);
    }

    /** One block of the page. {@code kind} tells the design system how to lay it out. */
    public record Section(@Shape(minLength = 1, maxLength = 40) String id, SectionKind kind,
                          @Shape(minLength = 1, maxLength = 160) String heading,
                          @Shape(maxLength = 2500) String body,
                          @Shape(maxItems = 8) List<Item> items,
                          @Shape(maxItems = 12, minLength = 1, maxLength = 80) List<String> sources) {
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
    public record Item(@Shape(minLength = 1, maxLength = 160) String title,
                       @Shape(maxLength = 1200) String text,
                       @Shape(maxLength = 40) String visual,
                       @Shape(maxLength = 120) String ref,
                       @Shape(maxItems = 8, minLength = 1, maxLength = 300) List<String> points) {
        public Item {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    /** The one thing the page asks the visitor to do. {@code href} must be an allowed link. */
    public record CallToAction(@Shape(minLength = 1, maxLength = 80) String label,
                               @Shape(maxLength = 400) String text,
                               @Shape(minLength = 1, maxLength = 300) String href) {}
}
