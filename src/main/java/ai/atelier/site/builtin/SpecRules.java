package ai.atelier.site.builtin;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.Policies;
import ai.atelier.knowledge.Retriever;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.knowledge.Terms;
import ai.atelier.knowledge.Testimonial;
import ai.atelier.site.Profile;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.WebsiteSpec.CallToAction;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.WebsiteSpec.SectionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The built-in personalizer's rules, one move at a time: research, offering match, one writer per
 * section, the opening copy, the visual plan and the assembly of the spec. {@link BuiltinPersonalizer}
 * runs them back to back in one step; the fine-grained workflow runs each as a step of its own, so
 * both designs produce the same page for the same visitor and their costs compare like for like.
 */
public final class SpecRules {
    static final int PASSAGES = 8;
    static final int PAIN_POINTS = 3;
    private final Copy copy = Copy.load();

    /** What research found for a visitor: the matched industry (null if none), the passages, the pain points chosen among them. */
    public record Research(String industry, List<RetrievedChunk> passages, List<RetrievedChunk> painPoints) {
        public Research {
            passages = List.copyOf(passages);
            painPoints = List.copyOf(painPoints);
        }
    }

    /** The page's opening and closing copy: title, headline, intro and the call to action. */
    public record HeroCopy(String title, String headline, String intro, CallToAction callToAction) {}

    /** Retrieves research for the visitor and picks the pain points: the best passages, one per source document first. */
    public Research research(Profile profile, Company company, Retriever retriever) {
        String industry = IndustryMatch.match(profile.industryKey(), company.researchedIndustries());
        List<RetrievedChunk> hits = retrieve(profile, industry, retriever);
        return new Research(industry, hits, diverse(problemsFirst(hits, company), PAIN_POINTS));
    }

    /**
     * Passages that describe the visitor's problems come before those that describe the company's
     * own work (a heading naming the company is about the solution, not the pain).
     */
    static List<RetrievedChunk> problemsFirst(List<RetrievedChunk> hits, Company c) {
        List<String> own = Terms.of(c.info().name());
        List<RetrievedChunk> problems = new ArrayList<>();
        List<RetrievedChunk> solutions = new ArrayList<>();
        for (RetrievedChunk h : hits) {
            boolean aboutUs = !own.isEmpty() && Terms.of(h.chunk().heading()).contains(own.get(0));
            (aboutUs ? solutions : problems).add(h);
        }
        problems.addAll(solutions);
        return problems;
    }

    /** Up to three offerings: industry fit first, then overlap with the visitor's interests and pain points. */
    public List<Offering> matchOfferings(Profile p, Company c, Research r) {
        Set<String> interest = new HashSet<>(Terms.of(visitorQuery(p)));
        Set<String> painTerms = new HashSet<>();
        r.painPoints().forEach(h -> painTerms.addAll(Terms.of(h.chunk().heading() + " " + h.chunk().topic().replace('-', ' '))));
        record Scored(Offering o, double s) {}
        return c.offerings().stream().map(o -> {
            List<String> terms = Terms.of(o.name() + " " + o.summary() + " " + String.join(" ", o.benefits()) + " " + o.id().replace('-', ' '));
            double s = 0;
            if (r.industry() != null && o.industries().contains(r.industry())) s += 5;
            if (o.industries().contains("general") || o.industries().contains("all") || o.industries().containsAll(c.researchedIndustries())) s += 1;
            for (String t : new LinkedHashSet<>(terms)) {
                if (interest.contains(t)) s += 1.0;
                if (painTerms.contains(t)) s += 0.5;
            }
            return new Scored(o, s);
        }).sorted(Comparator.comparingDouble(Scored::s).reversed().thenComparing(x -> x.o().id()))
                .limit(3).map(Scored::o).toList();
    }

    /** The pain-points section, or null when research found nothing to say. */
    public Section painPoints(Profile p, Company c, Research r) {
        if (r.painPoints().isEmpty()) return null;
        VisitorWords words = words(p, c, r);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < r.painPoints().size(); i++) {
            RetrievedChunk h = r.painPoints().get(i);
            items.add(new Item(painTitle(h), Markdown.summary(h.chunk().text(), 260, c.policies()), painIcon(i), null, List.of()));
        }
        List<String> sources = r.painPoints().stream().map(h -> h.chunk().id()).toList();
        if (r.industry() == null) {
            // No research for this industry: say so, and show how the company starts instead of claiming its pains.
            return new Section("approach", SectionKind.STORY, copy.fill("approach.heading", words),
                    copy.fill("approach.body", words), items, sources);
        }
        return new Section("pain-points", SectionKind.PAIN_POINTS, copy.fill("painPoints.heading", words),
                copy.fill("painPoints.body", words), items, sources);
    }

    /** The offerings section for the matched offerings. */
    public Section offerings(Profile p, Company c, Research r, List<Offering> offerings) {
        VisitorWords words = words(p, c, r);
        Policies policies = c.policies();
        List<Item> items = new ArrayList<>();
        for (Offering o : offerings) {
            items.add(new Item(o.name(), clean(o.summary(), policies), offeringIcon(o), o.id(),
                    o.benefits().stream().limit(3).map(b -> clean(b, policies)).filter(b -> !b.isBlank()).toList()));
        }
        return new Section("offerings", SectionKind.OFFERINGS, copy.fill("offerings.heading", words),
                copy.fill("offerings.body", words), items, offerings.stream().map(o -> "offerings.yaml#" + o.id()).toList());
    }

    /** A testimonial from the visitor's industry, else the best general one; null when none may be quoted. */
    public Section testimonial(Profile p, Company c, Research r) {
        Testimonial t = bestTestimonial(p, c, r.industry());
        if (t == null || c.policies().findBannedPhrase(t.quote()) != null) return null;
        String who = String.join(", ", Stream.of(t.author(), t.role(), t.company()).filter(s -> s != null && !s.isBlank()).toList());
        String heading = r.industry() != null && r.industry().equals(t.industry()) ? "testimonial.heading" : "testimonial.heading.other";
        return new Section("testimonial", SectionKind.TESTIMONIAL, copy.fill(heading, words(p, c, r)), null,
                List.of(new Item(who, t.quote(), null, null, List.of())), List.of("testimonials.yaml#" + Slug.of(t.author())));
    }

    /** Title, headline, intro and call to action. */
    public HeroCopy hero(Profile p, Company c, Research r) {
        VisitorWords words = words(p, c, r);
        CallToAction cta = new CallToAction(copy.fill("cta.label", words), copy.fill("cta.text", words), CtaLink.choose(c));
        String intro = words.missionQuote() == null ? copy.fill("intro.plain", words) : copy.fill("intro.mission", words);
        return new HeroCopy(copy.fill("title", words),
                copy.fill(words.hasInterests() ? "headline.interests" : "headline.plain", words), intro, cta);
    }

    /** The visual plan: a hero illustration, then one icon per pain point and per offering. */
    public List<VisualElement> visuals(Profile p, Company c, Research r, List<Offering> offerings) {
        VisitorWords words = words(p, c, r);
        List<VisualElement> visuals = new ArrayList<>();
        String topPain = r.painPoints().isEmpty() ? words.industryLabel() : painTitle(r.painPoints().get(0));
        visuals.add(new VisualElement("hero", copy.fill("hero.alt", words),
                "Illustration for " + words.industryLabel() + ": " + topPain + ". Themes: " + String.join(", ", words.interestList()),
                VisualElement.Kind.HERO));
        for (int i = 0; i < r.painPoints().size(); i++) {
            RetrievedChunk h = r.painPoints().get(i);
            String title = painTitle(h);
            visuals.add(new VisualElement(painIcon(i), "Icon: " + title, title + ". " + h.chunk().topic().replace('-', ' '), VisualElement.Kind.ICON));
        }
        for (Offering o : offerings) {
            visuals.add(new VisualElement(offeringIcon(o), "Icon: " + o.name(), o.name() + ". " + o.summary(), VisualElement.Kind.ICON));
        }
        return visuals;
    }

    /** The spec from its parts, in page order; null sections are left out. */
    public static WebsiteSpec assemble(Company c, HeroCopy hero, List<Section> sections, List<VisualElement> visuals) {
        return new WebsiteSpec(hero.title(), hero.headline(), hero.intro(), sections.stream().filter(Objects::nonNull).toList(),
                hero.callToAction(), c.policies().requiredDisclaimer(), visuals);
    }

    /** Every move in one go: what the one-step personalizer does. */
    public WebsiteSpec compose(Profile p, Company c, Research r) {
        List<Offering> offerings = matchOfferings(p, c, r);
        List<Section> sections = new ArrayList<>();
        sections.add(painPoints(p, c, r));
        sections.add(offerings(p, c, r, offerings));
        sections.add(testimonial(p, c, r));
        return assemble(c, hero(p, c, r), sections, visuals(p, c, r, offerings));
    }

    static List<RetrievedChunk> retrieve(Profile profile, String industry, Retriever retriever) {
        String query = visitorQuery(profile);
        if (industry != null) {
            List<RetrievedChunk> hits = retriever.search(new Retriever.RetrievalQuery(query, industry, PASSAGES));
            if (!hits.isEmpty()) return hits;
        }
        List<RetrievedChunk> general = retriever.search(new Retriever.RetrievalQuery(query, "general", PASSAGES));
        return general.isEmpty() ? retriever.search(new Retriever.RetrievalQuery(query, null, PASSAGES)) : general;
    }

    static String visitorQuery(Profile p) {
        List<String> parts = new ArrayList<>(p.interests());
        parts.add(p.interests().isEmpty() ? "" : String.join(" ", p.interests()));
        parts.add(p.industry());
        if (p.role() != null) parts.add(p.role());
        if (p.mission() != null) parts.add(p.mission());
        if (p.companyType() != null) parts.add(p.companyType());
        return String.join(" ", parts);
    }

    private static List<RetrievedChunk> diverse(List<RetrievedChunk> hits, int n) {
        List<RetrievedChunk> out = new ArrayList<>();
        Set<String> files = new HashSet<>();
        Set<String> headings = new HashSet<>();
        for (RetrievedChunk h : hits) {
            if (out.size() < n && files.add(h.chunk().sourceFile()) && headings.add(h.chunk().heading())) out.add(h);
        }
        for (RetrievedChunk h : hits) {
            if (out.size() < n && !out.contains(h) && headings.add(h.chunk().heading())) out.add(h);
        }
        return out;
    }

    static Testimonial bestTestimonial(Profile p, Company c, String industry) {
        Set<String> interest = new HashSet<>(Terms.of(visitorQuery(p)));
        Testimonial best = null;
        double bestScore = -1;
        for (Testimonial t : c.testimonials()) {
            double s = 0;
            if (industry != null && industry.equals(t.industry())) s += 10;
            else if ("general".equals(t.industry()) || "all".equals(t.industry())) s += 2;
            for (String term : new HashSet<>(Terms.of(t.quote()))) if (interest.contains(term)) s += 1;
            if (s > bestScore) {
                best = t;
                bestScore = s;
            }
        }
        return best;
    }

    private VisitorWords words(Profile p, Company c, Research r) {
        return new VisitorWords(p, c.policies(), r.industry(), c.info().name());
    }

    private static String painTitle(RetrievedChunk h) {
        return Markdown.plain(h.chunk().heading());
    }

    /** The visual id of the i-th pain point's icon (0-based), the same whichever persona writes the section. */
    public static String painIcon(int i) {
        return "pain-" + (i + 1);
    }

    /** The visual id of an offering's icon. */
    public static String offeringIcon(Offering o) {
        return "offering-" + Slug.of(o.id());
    }

    /** Where the call to action may point: chosen by rule, never by a model. */
    public static String ctaHref(Company c) {
        return CtaLink.choose(c);
    }

    private static String clean(String text, Policies policies) {
        return Markdown.dropSentencesWithBannedPhrases(text, policies);
    }
}
