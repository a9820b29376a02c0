package ai.atelier.site.rules;

import ai.atelier.Slug;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyCallToAction;
import ai.atelier.knowledge.IndustryMatcher;
import ai.atelier.site.VisitorText;
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
 * How a page's spec is made from a visitor and a company, one move at a time: research, offering
 * match, one writer per section, the opening copy, the visual plan and the assembly of the spec.
 * The built-in personalizer runs them back to back in one step; the fine-grained workflow runs
 * each as a step of its own, so both designs produce the same page for the same visitor and their
 * costs compare like for like; model-backed personas use its research, icons and links, so a
 * model is given the same passages and its answers are checked against the same choices. It
 * lives beside {@code site/builtin} rather than inside it because all three use it.
 */
public final class SpecRules {
    static final int PASSAGES = 8;
    static final int PAIN_POINTS = 3;
    private final Copy copy = Copy.load();

    /** What research found for a visitor: the matched industry (null if none), the passages, the pain points chosen among them. */
    public record Research(String industry, List<RetrievedChunk> passages, List<RetrievedChunk> painPoints, IndustryMatcher.Match match) {
        public Research {
            passages = List.copyOf(passages);
            painPoints = List.copyOf(painPoints);
            if (match == null) match = new IndustryMatcher.Match(industry, industry, industry == null ? IndustryMatcher.Kind.NONE : IndustryMatcher.Kind.EXACT, 1);
        }

        public Research(String industry, List<RetrievedChunk> passages, List<RetrievedChunk> painPoints) {
            this(industry, passages, painPoints, null);
        }
    }

    /** One pain point as the page shows it: a short title and one or two sentences, from the passage (not its document's title). */
    public record Pain(String title, String text) {}

    /** The page's opening and closing copy: title, headline, intro and the call to action. */
    public record HeroCopy(String title, String headline, String intro, CallToAction callToAction) {}

    /** Retrieves research for the visitor and picks the pain points: the best passages, one per source document first. */
    public Research research(Profile profile, Company company, Retriever retriever) {
        IndustryMatcher.Match match = match(profile, company);
        String industry = researched(match, company);
        List<RetrievedChunk> hits = retrieve(profile, industry, retriever);
        return new Research(industry, hits, diverse(problemsFirst(hits, company), PAIN_POINTS), match);
    }

    /** The visitor's industry among the company's, by name or by meaning (see {@link IndustryMatcher}). */
    public static IndustryMatcher.Match match(Profile profile, Company company) {
        return IndustryMatcher.shared().match(VisitorText.forCopy(profile).industry(), company);
    }

    /** The matched industry when the company has research for it, else null (cross-industry research then). */
    static String researched(IndustryMatcher.Match m, Company c) {
        return m.found() && c.researchedIndustries().contains(m.key()) ? m.key() : null;
    }

    /** Whether an offering may be shown to this visitor: sold to the matched industry, or to every industry the company serves. */
    public static boolean offeringFits(Offering o, IndustryMatcher.Match m, Company c) {
        return IndustryMatcher.fitsVisitor(o.industries(), m, c);
    }

    /** Cross-industry: marked general/all, or listing every industry the company names. */
    static boolean general(List<String> industries, Company c) {
        return IndustryMatcher.general(industries, c);
    }

    /**
     * Passages that describe the visitor's problems come before those that describe the company's
     * own work (a heading naming the company is about the solution, not the pain).
     */
    static List<RetrievedChunk> problemsFirst(List<RetrievedChunk> hits, Company c) {
        List<String> own = Terms.of(c.info().name());
        List<RetrievedChunk> problems = new ArrayList<>();
        List<RetrievedChunk> neutral = new ArrayList<>();
        List<RetrievedChunk> solutions = new ArrayList<>();
        for (RetrievedChunk h : hits) {
            String heading = h.chunk().heading();
            boolean aboutUs = (!own.isEmpty() && Terms.of(heading).contains(own.get(0))) || SOLUTION_HEADING.matcher(heading).find()
                    || (heading.equals(h.chunk().docTitle()) && !BOLD_BULLET.matcher(h.chunk().text()).find());
            (aboutUs ? solutions : PROBLEM_HEADING.matcher(heading).find() ? problems : neutral).add(h);
        }
        problems.addAll(neutral);
        problems.addAll(solutions);
        return problems;
    }

    private static final java.util.regex.Pattern PROBLEM_HEADING = java.util.regex.Pattern.compile(
            "(?i)pain|problem|why|where|cost|concern|hesitation|frustrat|challenge|leak|wasted?|late|hidden|miss|risk|holds? back");
    private static final java.util.regex.Pattern SOLUTION_HEADING = java.util.regex.Pattern.compile(
            "(?i)includes|delivers|getting started|first steps|first phase|first ninety|step \\d|what we ask|how we|working with|talking to|rollout|certifications|principles");
    private static final java.util.regex.Pattern BOLD_BULLET = java.util.regex.Pattern.compile("(?m)^\\s*[-*+]\\s+\\*\\*(.+?)\\*\\*\\s*(.*)$");

    /**
     * A passage as a pain point: its first bold-led list item ("**Spare parts carried just in
     * case.** Storerooms hold…") when it has one; else its heading with its first sentences, unless
     * the heading is only the document's title, when the first sentence's opening stands as title.
     */
    public static Pain pain(RetrievedChunk h, Policies policies) {
        String md = h.chunk().text();
        java.util.regex.Matcher b = BOLD_BULLET.matcher(md);
        while (b.find()) {
            String title = Markdown.plain(b.group(1)).replaceAll("[.:]+$", "").strip();
            String text = Markdown.summary(b.group(2), 220, policies);
            if (!title.isBlank() && policies.findBannedPhrase(title) == null && !text.isBlank()) return new Pain(VisitorWords.shorten(title, 90), text);
        }
        String heading = Markdown.plain(h.chunk().heading());
        String text = Markdown.summary(md, 260, policies);
        if (heading.equalsIgnoreCase(Markdown.plain(h.chunk().docTitle() == null ? "" : h.chunk().docTitle())) || heading.isBlank()) {
            List<String> sentences = Markdown.sentences(text);
            String first = sentences.isEmpty() ? heading : sentences.get(0).replaceAll("[.!?]+$", "");
            heading = VisitorWords.shorten(first, 70);
        }
        return new Pain(heading, text);
    }

    /** Up to three offerings: industry fit first, then overlap with the visitor's interests and pain points. */
    public List<Offering> matchOfferings(Profile p, Company c, Research r) {
        Set<String> interest = new HashSet<>(Terms.of(visitorQuery(p)));
        Set<String> painTerms = new HashSet<>();
        r.painPoints().forEach(h -> painTerms.addAll(Terms.of(h.chunk().heading() + " " + h.chunk().topic().replace('-', ' '))));
        record Scored(Offering o, double s) {}
        return c.offerings().stream().filter(o -> offeringFits(o, r.match(), c)).map(o -> {
            List<String> terms = Terms.of(o.name() + " " + o.summary() + " " + String.join(" ", o.benefits()) + " " + o.id().replace('-', ' '));
            double s = 0;
            if (r.match().found() && o.industries().contains(r.match().key())) s += 5;
            if (general(o.industries(), c)) s += 1;
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
            Pain pain = pain(r.painPoints().get(i), c.policies());
            items.add(new Item(pain.title(), pain.text(), painIcon(i), null, List.of()));
        }
        List<String> sources = r.painPoints().stream().map(h -> h.chunk().id()).toList();
        if (r.industry() == null) {
            // No research for this industry: say so, and show how the company starts instead of claiming its pains.
            return new Section("approach", SectionKind.STORY, copy.fill("approach.heading", words),
                    copy.fill("approach.body", words), items, sources);
        }
        String v = r.match().kind() == IndustryMatcher.Kind.NEAREST ? ".nearest" : "";
        return new Section("pain-points", SectionKind.PAIN_POINTS, copy.fill("painPoints.heading" + v, words),
                copy.fill("painPoints.body" + v, words), items, sources);
    }

    /** The offerings section for the matched offerings. */
    public Section offerings(Profile p, Company c, Research r, List<Offering> offerings) {
        VisitorWords words = words(p, c, r);
        Policies policies = c.policies();
        List<Item> items = new ArrayList<>();
        for (Offering o : offerings) {
            items.add(new Item(o.name(), tailor(clean(o.summary(), policies), o, r.match()), offeringIcon(o), o.id(),
                    o.benefits().stream().limit(3).map(b -> tailor(clean(b, policies), o, r.match())).filter(b -> !b.isBlank()).toList()));
        }
        boolean specific = offerings.stream().anyMatch(o -> r.match().found() && o.industries().contains(r.match().key()));
        String body = r.match().kind() == IndustryMatcher.Kind.NEAREST ? "offerings.body.nearest"
                : specific ? "offerings.body" : "offerings.body.general";
        return new Section("offerings", SectionKind.OFFERINGS, copy.fill("offerings.heading", words),
                copy.fill(body, words), items, offerings.stream().map(o -> "offerings.yaml#" + o.id()).toList());
    }

    /** A testimonial from the visitor's industry, else the best general one; null when none may be quoted. */
    public Section testimonial(Profile p, Company c, Research r) {
        Testimonial t = bestTestimonial(p, c, r.match());
        if (t == null || c.policies().findBannedPhrase(t.quote()) != null) return null;
        String who = String.join(", ", Stream.of(t.author(), t.role(), t.company()).filter(s -> s != null && !s.isBlank()).toList());
        boolean own = r.match().found() && r.match().key().equals(t.industry());
        String heading = !own ? "testimonial.heading.other" : r.match().kind() == IndustryMatcher.Kind.NEAREST ? "testimonial.heading.nearest" : "testimonial.heading";
        return new Section("testimonial", SectionKind.TESTIMONIAL, copy.fill(heading, words(p, c, r)), null,
                List.of(new Item(who, t.quote(), null, null, List.of())), List.of("testimonials.yaml#" + Slug.of(t.author())));
    }

    /** Title, headline, intro and call to action. */
    public HeroCopy hero(Profile p, Company c, Research r) {
        VisitorWords words = words(p, c, r);
        var own = CompanyCallToAction.of(c);
        CallToAction cta = new CallToAction(own.label(), copy.fill("cta.text", words), CtaLink.choose(c, own.href()));
        IndustryMatcher.Kind kind = r.match().kind();
        String intro = kind == IndustryMatcher.Kind.NONE ? copy.fill("intro.unmatched", words)
                : kind == IndustryMatcher.Kind.NEAREST ? copy.fill("intro.nearest", words)
                : words.missionQuote() == null ? copy.fill("intro.plain", words) : copy.fill("intro.mission", words);
        return new HeroCopy(copy.fill("title", words),
                copy.fill(words.hasInterests() ? "headline.interests" : "headline.plain", words), intro, cta);
    }

    /** The visual plan: a hero illustration, then one icon per pain point and per offering. */
    public List<VisualElement> visuals(Profile p, Company c, Research r, List<Offering> offerings) {
        VisitorWords words = words(p, c, r);
        List<VisualElement> visuals = new ArrayList<>();
        String topPain = r.painPoints().isEmpty() ? words.industryLabel() : pain(r.painPoints().get(0), c.policies()).title();
        visuals.add(new VisualElement("hero", copy.fill("hero.alt", words),
                "Illustration for " + words.industryLabel() + ": " + topPain + ". Themes: " + String.join(", ", words.interestList()),
                VisualElement.Kind.HERO));
        for (int i = 0; i < r.painPoints().size(); i++) {
            RetrievedChunk h = r.painPoints().get(i);
            String title = pain(h, c.policies()).title();
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

    /**
     * The research passages a personalizer should be shown for this visitor, found the way the
     * built-in engine finds them (so model-backed personalizers are given the same passages).
     */
    public static List<RetrievedChunk> passages(Profile profile, Company company, Retriever retriever) {
        return retrieve(profile, researched(match(profile, company), company), retriever);
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

    static String visitorQuery(Profile raw) {
        Profile p = VisitorText.forCopy(raw);
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

    /** The best testimonial from the visitor's (or nearest) industry, else a cross-industry one; never one from another industry. */
    static Testimonial bestTestimonial(Profile p, Company c, IndustryMatcher.Match m) {
        Set<String> interest = new HashSet<>(Terms.of(visitorQuery(p)));
        Testimonial best = null;
        double bestScore = -1;
        for (Testimonial t : c.testimonials()) {
            double s = 0;
            if (m.found() && m.key().equals(t.industry())) s += 10;
            else if ("general".equals(t.industry()) || "all".equals(t.industry())) s += 2;
            else continue;
            for (String term : new HashSet<>(Terms.of(t.quote()))) if (interest.contains(term)) s += 1;
            if (s > bestScore) {
                best = t;
                bestScore = s;
            }
        }
        return best;
    }

    private VisitorWords words(Profile p, Company c, Research r) {
        return new VisitorWords(p, c.policies(), r.match(), c.info().name());
    }

    private static final java.util.regex.Pattern PER_ALTERNATIVES = java.util.regex.Pattern.compile("\\bper (\\w+) or per (\\w+)\\b");
    private static final java.util.regex.Pattern POSSESSIVE_ALTERNATIVES = java.util.regex.Pattern.compile("\\b(\\w+)'s or (\\w+)'s\\b");

    /**
     * Offering copy for this visitor: where the company's text gives one alternative per industry it
     * sells to ("per part or per store" for manufacturing and retail), keep the visitor's one.
     */
    static String tailor(String text, Offering o, IndustryMatcher.Match m) {
        int pick = m.found() ? Math.max(0, o.industries().indexOf(m.key())) : 0;
        int which = pick == 1 ? 2 : 1;
        String s = PER_ALTERNATIVES.matcher(text).replaceAll(x -> "per " + x.group(which));
        return POSSESSIVE_ALTERNATIVES.matcher(s).replaceAll(x -> x.group(which) + "'s");
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
