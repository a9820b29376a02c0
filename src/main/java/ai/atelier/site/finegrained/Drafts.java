package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Offering;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.rules.SpecRules;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fine-grained workflow's intermediate outputs, handed from step to step through the site
 * state, and how each is written into the prompts of the steps after it (the carried text whose
 * tokens are the hand-off overhead).
 */
public final class Drafts {
    private Drafts() {}

    public static final String RESEARCH = "research";
    public static final String OFFERINGS = "offerings";
    public static final String PAIN_POINTS_COPY = "copy-pain-points";
    public static final String OFFERINGS_COPY = "copy-offerings";
    public static final String HERO_COPY = "copy-hero";
    public static final String VISUAL_PLAN = "visual-plan";
    public static final String REVIEW = "review";

    /** The offering matcher's choice. */
    public record MatchedOfferings(List<Offering> offerings) {
        public MatchedOfferings {
            offerings = List.copyOf(offerings);
        }
    }

    /** A section a copywriter wrote; {@code section} is null when there was nothing to write about. */
    public record SectionDraft(Section section) {}

    /** The hero copywriter's work: opening copy and call to action, and the testimonial it placed (or null). */
    public record HeroDraft(SpecRules.HeroCopy hero, Section testimonial) {}

    /** The art director's plan: the visual elements the artist will draw. */
    public record VisualPlan(List<VisualElement> visuals) {
        public VisualPlan {
            visuals = List.copyOf(visuals);
        }
    }

    /** The reviewer's verdict on the assembled page. */
    public record Review(boolean approved, List<String> notes) {
        public Review {
            notes = List.copyOf(notes);
        }
    }

    /** The pain points as later prompts carry them: id, heading and passage. */
    static String painPoints(SpecRules.Research r) {
        if (r.painPoints().isEmpty()) return "(research found no pain points for this visitor)";
        return r.painPoints().stream().map(h -> "[" + h.chunk().id() + "] " + h.chunk().heading() + "\n" + h.chunk().text())
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * The pain points as the steps that only need to know which problems were chosen carry them
     * (the offering matcher, the offerings and hero copywriters): id, heading and the passage's
     * first sentence, not the whole passage, which only the pain-points copywriter writes from.
     */
    static String painPointSummaries(SpecRules.Research r) {
        if (r.painPoints().isEmpty()) return "(research found no pain points for this visitor)";
        return r.painPoints().stream().map(h -> "[" + h.chunk().id() + "] " + h.chunk().heading() + ": " + firstSentence(h.chunk().text()))
                .collect(Collectors.joining("\n"));
    }

    static final int SUMMARY_CHARS = 240;

    /** The first sentence of a passage (markdown bullets and emphasis folded), at most {@value #SUMMARY_CHARS} characters. */
    static String firstSentence(String text) {
        String t = text.replaceAll("(?m)^\\s*[-*+]\\s+", "").replace("*", "").replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^.{20,}?[.!?](?=\\s|$)").matcher(t);
        String s = m.find() ? m.group() : t;
        return s.length() <= SUMMARY_CHARS ? s : s.substring(0, s.lastIndexOf(' ', SUMMARY_CHARS - 1) > 0 ? s.lastIndexOf(' ', SUMMARY_CHARS - 1) : SUMMARY_CHARS - 1) + "…";
    }

    /** The matched offerings as later prompts carry them. */
    static String offerings(MatchedOfferings m) {
        return m.offerings().stream().map(o -> "- [" + o.id() + "] " + o.name() + ": " + o.summary()
                + (o.benefits().isEmpty() ? "" : " Benefits: " + String.join("; ", o.benefits()))).collect(Collectors.joining("\n"));
    }
}
