package ai.atelier.quality;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.Policies;
import ai.atelier.knowledge.ResearchDoc;
import ai.atelier.knowledge.Testimonial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The page's copy as QA reads it, sentence by sentence (each block element's own text, split at
 * sentence ends), and the company's files as the sources a sentence may come from (file name →
 * normalised text). Shared by the grounding, copy-quality and personalization checks.
 */
final class PageText {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[A-Z0-9“\"(])");
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, td, th, dt, dd, a.button, .cta a, title";

    private PageText() {}

    /** A sentence and the tag of the element it is in. */
    record Sentence(String text, String where) {}

    static List<Sentence> sentences(SiteUnderTest site) {
        List<Sentence> out = new ArrayList<>();
        for (Element e : site.doc().select(BLOCKS)) {
            if (!e.select(BLOCKS).stream().filter(x -> x != e).toList().isEmpty() && !e.ownText().isBlank()) {
                addAll(out, e.ownText(), e.tagName());
                continue;
            }
            if (!e.select(BLOCKS).stream().filter(x -> x != e).toList().isEmpty()) continue;
            addAll(out, e.text(), e.tagName());
        }
        return out;
    }

    private static void addAll(List<Sentence> out, String text, String tag) {
        for (String s : SENTENCE_END.split(text.strip())) if (!s.isBlank()) out.add(new Sentence(s.strip(), tag));
    }

    /** Every text in the company folder a page may quote, by file (research by id, offerings, testimonials, company.yaml, policies). */
    static Map<String, String> sources(Company c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ResearchDoc d : c.research()) out.put(d.id(), norm(d.title() + "\n" + d.body()));
        StringBuilder o = new StringBuilder();
        for (Offering x : c.offerings()) o.append(x.name()).append(". ").append(x.summary()).append(". ").append(String.join(". ", x.benefits())).append("\n");
        out.put("offerings.yaml", norm(o.toString()));
        StringBuilder t = new StringBuilder();
        for (Testimonial x : c.testimonials()) t.append(x.quote()).append(" ").append(x.author()).append(", ").append(x.role()).append(", ").append(x.company()).append("\n");
        out.put("testimonials.yaml", norm(t.toString()));
        var i = c.info();
        out.put("company.yaml", norm(i.name() + "\n" + i.tagline() + "\n" + i.contact().email() + "\n" + i.contact().phone() + "\n" + i.contact().url()
                + (i.callToAction() == null ? "" : "\n" + i.callToAction().label())));
        out.put("policies.yaml", norm(c.policies().requiredDisclaimer() == null ? "" : c.policies().requiredDisclaimer()));
        out.put("design-guidelines.md", norm(c.designGuidelines() == null ? "" : c.designGuidelines()));
        return out;
    }

    static String norm(String s) {
        return s == null ? "" : Policies.normalise(s.replace('’', '\'').replace('“', '"').replace('”', '"'));
    }
}
