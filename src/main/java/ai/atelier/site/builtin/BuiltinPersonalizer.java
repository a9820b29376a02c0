package ai.atelier.site.builtin;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.Policies;
import ai.atelier.knowledge.Retriever;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.knowledge.Terms;
import ai.atelier.knowledge.Testimonial;
import ai.atelier.model.ModelCall;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompt;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.WebsiteSpec.CallToAction;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.WebsiteSpec.SectionKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in engine's personalizer: a rule-based composer, no model. It retrieves research for
 * the visitor (industry-filtered lexical scoring, falling back to cross-industry research for an
 * industry the company has not studied), ranks offerings and testimonials against the visitor's
 * industry and interests, and writes the spec from what it found, with provenance on every section.
 * Its tokens are counted over the prompt a model would have been sent and the spec it returns.
 */
public final class BuiltinPersonalizer implements Personalizer {
    static final int PASSAGES = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Copy copy = Copy.load();

    @Override
    public WebsiteSpec personalize(Profile profile, Company company, Retriever retriever, PersonaContext ctx) {
        long start = ctx.meter().nowMs();
        String industry = IndustryMatch.match(profile.industryKey(), company.researchedIndustries());
        List<RetrievedChunk> hits = retrieve(profile, industry, retriever);
        Prompt prompt = new Prompt(
                ctx.prompts().render("personalizer.system", KnowledgeDigest.brand(company)),
                ctx.prompts().render("personalizer.user", KnowledgeDigest.variables(profile, company, hits)));

        WebsiteSpec spec = compose(profile, company, industry, hits);

        String output;
        try {
            output = JSON.writeValueAsString(spec);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ctx.meter().record(new ModelCall(ctx.role(), ctx.model(), "builtin", "personalize", start,
                ctx.meter().nowMs() - start, ctx.tokens().estimate(prompt.text(), output), 0.0, 1, "ok"));
        return spec;
    }

    /**
     * The research a personalizer should be shown for this visitor, found the way the built-in
     * engine finds it (so model-backed personalizers are given the same passages).
     */
    public static List<RetrievedChunk> research(Profile profile, Company company, Retriever retriever) {
        return retrieve(profile, IndustryMatch.match(profile.industryKey(), company.researchedIndustries()), retriever);
    }

    /** Research for the visitor's industry, or cross-industry research when the company has none for it. */
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

    WebsiteSpec compose(Profile p, Company c, String industry, List<RetrievedChunk> hits) {
        Policies policies = c.policies();
        VisitorWords words = new VisitorWords(p, policies, industry, c.info().name());
        List<Section> sections = new ArrayList<>();
        List<VisualElement> visuals = new ArrayList<>();

        // Pain points: the best passages, one per source document first, then any.
        List<RetrievedChunk> pains = diverse(hits, 3);
        List<Item> painItems = new ArrayList<>();
        for (int i = 0; i < pains.size(); i++) {
            RetrievedChunk h = pains.get(i);
            String icon = "pain-" + (i + 1);
            String title = Markdown.plain(h.chunk().heading());
            painItems.add(new Item(title, Markdown.summary(h.chunk().text(), 260, policies), icon, null, List.of()));
            visuals.add(new VisualElement(icon, "Icon: " + title, title + ". " + h.chunk().topic().replace('-', ' '), VisualElement.Kind.ICON));
        }
        if (!painItems.isEmpty()) {
            sections.add(new Section("pain-points", SectionKind.PAIN_POINTS,
                    copy.fill("painPoints.heading", words), copy.fill("painPoints.body", words), painItems,
                    pains.stream().map(h -> h.chunk().id()).toList()));
        }

        // Offerings: industry fit first, then overlap with the visitor's interests and pain points.
        List<Offering> offerings = rankOfferings(p, c, industry, pains);
        List<Item> offerItems = new ArrayList<>();
        for (Offering o : offerings) {
            String icon = "offering-" + Slug.of(o.id());
            offerItems.add(new Item(o.name(), clean(o.summary(), policies), icon, o.id(),
                    o.benefits().stream().limit(3).map(b -> clean(b, policies)).filter(b -> !b.isBlank()).toList()));
            visuals.add(new VisualElement(icon, "Icon: " + o.name(), o.name() + ". " + o.summary(), VisualElement.Kind.ICON));
        }
        sections.add(new Section("offerings", SectionKind.OFFERINGS, copy.fill("offerings.heading", words),
                copy.fill("offerings.body", words), offerItems, offerings.stream().map(o -> "offerings.yaml#" + o.id()).toList()));

        // A testimonial from the visitor's industry, else the best general one.
        Testimonial t = bestTestimonial(p, c, industry);
        if (t != null && policies.findBannedPhrase(t.quote()) == null) {
            String who = String.join(", ", java.util.stream.Stream.of(t.author(), t.role(), t.company()).filter(s -> s != null && !s.isBlank()).toList());
            sections.add(new Section("testimonial", SectionKind.TESTIMONIAL, copy.fill("testimonial.heading", words), null,
                    List.of(new Item(who, t.quote(), null, null, List.of())), List.of("testimonials.yaml#" + Slug.of(t.author()))));
        }

        String topPain = painItems.isEmpty() ? words.industryLabel() : painItems.get(0).title();
        visuals.add(0, new VisualElement("hero", copy.fill("hero.alt", words),
                "Illustration for " + words.industryLabel() + ": " + topPain + ". Themes: " + String.join(", ", words.interestList()),
                VisualElement.Kind.HERO));

        String href = CtaLink.choose(c);
        CallToAction cta = new CallToAction(copy.fill("cta.label", words), copy.fill("cta.text", words), href);
        String intro = words.missionQuote() == null ? copy.fill("intro.plain", words) : copy.fill("intro.mission", words);
        return new WebsiteSpec(
                copy.fill("title", words),
                copy.fill(words.hasInterests() ? "headline.interests" : "headline.plain", words),
                intro,
                sections,
                cta,
                policies.requiredDisclaimer(),
                visuals);
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

    static List<Offering> rankOfferings(Profile p, Company c, String industry, List<RetrievedChunk> pains) {
        Set<String> interest = new HashSet<>(Terms.of(visitorQuery(p)));
        Set<String> painTerms = new HashSet<>();
        pains.forEach(h -> painTerms.addAll(Terms.of(h.chunk().heading() + " " + h.chunk().topic().replace('-', ' '))));
        record Scored(Offering o, double s) {}
        return c.offerings().stream().map(o -> {
            List<String> terms = Terms.of(o.name() + " " + o.summary() + " " + String.join(" ", o.benefits()) + " " + o.id().replace('-', ' '));
            Set<String> unique = new LinkedHashSet<>(terms);
            double s = 0;
            if (industry != null && o.industries().contains(industry)) s += 5;
            if (o.industries().contains("general") || o.industries().contains("all") || o.industries().containsAll(c.researchedIndustries())) s += 1;
            for (String t : unique) {
                if (interest.contains(t)) s += 1.0;
                if (painTerms.contains(t)) s += 0.5;
            }
            return new Scored(o, s);
        }).sorted(Comparator.comparingDouble(Scored::s).reversed().thenComparing(x -> x.o().id()))
                .limit(3).map(Scored::o).toList();
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

    private static String clean(String text, Policies policies) {
        return Markdown.dropSentencesWithBannedPhrases(text, policies);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
