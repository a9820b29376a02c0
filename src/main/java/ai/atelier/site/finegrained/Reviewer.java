package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.model.Shape;
import ai.atelier.site.Engines;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.SiteFile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.finegrained.Drafts.Review;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Reads the finished page against the spec and the visitor before QA's checks, as an editor
 * would: is it addressed to this visitor, is every section and picture there, is the disclaimer
 * on the page. Its verdict is kept in the site folder; it is the step that re-reads everything
 * the others wrote, which is where over-decomposition pays the most carry-over.
 */
public final class Reviewer {
    static final int MAX_NOTES = 10;

    /** A model's verdict; notes may be left out when it approves. */
    record Verdict(Boolean approved, @Shape(maxItems = MAX_NOTES, minLength = 1, maxLength = 300) List<String> notes) {}

    private final Engines engines;

    public Reviewer(Engines engines) {
        this.engines = engines;
    }

    public Review review(Profile p, Company c, WebsiteSpec spec, List<SiteFile> page, PersonaContext ctx) {
        String html = page.stream().filter(f -> f.path().equals("index.html")).map(SiteFile::asText).findFirst().orElse("");
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(c));
        vars.put("visitor", VisitorBrief.of(p));
        vars.put("spec", checklist(spec));
        vars.put("page", readable(html));
        return new PersonaCall<Verdict, Review>("reviewer", "review", vars, List.of("spec", "page"), Verdict.class, Set.of("Verdict.notes"))
                .run(engines, ctx, () -> rules(p, spec, html), v -> {
                    if (v.approved() == null) throw new AnswerRejected("field \"approved\" must be true or false");
                    return new Review(v.approved(), Answers.texts(v.notes(), "notes", MAX_NOTES, 300, c.policies()));
                });
    }

    /**
     * What the reviewer checks the page against, from the spec: each section's id and heading,
     * the pictures and the disclaimer (not the whole spec with its copy and sources, which the
     * page itself shows).
     */
    static String checklist(WebsiteSpec spec) {
        List<String> lines = new ArrayList<>();
        for (WebsiteSpec.Section s : spec.sections()) lines.add("- section " + s.id() + ": " + VisitorBrief.q(s.heading() == null ? "" : s.heading()));
        for (VisualElement v : spec.visualElements()) lines.add("- picture " + v.id() + " (" + v.kind() + "): " + VisitorBrief.q(v.label()));
        lines.add("- disclaimer: " + (spec.disclaimer() == null ? "(none)" : VisitorBrief.q(spec.disclaimer())));
        return String.join("\n", lines);
    }

    /**
     * The page as a reader sees it: its visible text, then each picture with its file and alt
     * text. The markup, styles and scripts are the layout developer's and QA's concern, not an
     * editor's, and would be most of the prompt.
     */
    static String readable(String html) {
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        StringBuilder b = new StringBuilder(doc.body().text());
        for (org.jsoup.nodes.Element img : doc.select("img[src]")) {
            b.append("\n[picture ").append(img.attr("src")).append(", alt ").append(VisitorBrief.q(img.attr("alt"))).append(']');
        }
        return b.toString();
    }

    /** The built-in reviewer: the editor's checklist, by rule. */
    static Review rules(Profile p, WebsiteSpec spec, String html) {
        String text = Jsoup.parse(html).text().toLowerCase(Locale.ROOT);
        List<String> notes = new ArrayList<>();
        String first = p.firstName();
        if (first != null && !first.isBlank() && !text.contains(first.toLowerCase(Locale.ROOT))) {
            notes.add("the page never addresses the visitor by name");
        }
        for (WebsiteSpec.Section s : spec.sections()) {
            if (s.heading() != null && !text.contains(Jsoup.parse(s.heading()).text().toLowerCase(Locale.ROOT))) {
                notes.add("section \"" + s.id() + "\" is missing from the page");
            }
        }
        if (spec.disclaimer() != null && !text.contains(spec.disclaimer().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip())) {
            notes.add("the required disclaimer is not on the page");
        }
        for (VisualElement v : spec.visualElements()) {
            if (!html.contains("assets/" + v.id() + ".")) notes.add("picture \"" + v.id() + "\" is not placed on the page");
        }
        return new Review(notes.isEmpty(), notes);
    }
}
