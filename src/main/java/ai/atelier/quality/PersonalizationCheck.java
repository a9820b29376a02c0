package ai.atelier.quality;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.IndustryMatcher;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.ResearchDoc;
import ai.atelier.knowledge.Testimonial;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * The page is made for this visitor, graded. The visitor's industry is matched to the company's by
 * {@link IndustryMatcher} (by name, else by meaning, else none), as the generator matches it.
 * Hard rules (any breach fails): every offering shown is sold to that industry or to all the
 * company serves; a testimonial is from that industry or cross-industry, and is one of the
 * company's; research the page quotes is for that industry or cross-industry; raw visitor text
 * that hygiene would drop (markup, URLs, code, instructions) is not on the page; some offering is
 * shown. Soft criteria (credit only): the visitor is addressed, their interests appear, the page
 * has pain points (or, for an industry without research, an honest approach section). Works
 * from the page alone; a spec, when there is one, adds its cited sources.
 */
final class PersonalizationCheck implements QualityCheck {
    @Override
    public String name() {
        return "personalization";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        if (site.profile() == null) return CheckResult.skipped(this, "no visitor profile to compare the page with");
        Profile raw = site.profile();
        Profile p = VisitorText.forCopy(raw);
        Company c = site.company();
        IndustryMatcher.Match m = IndustryMatcher.shared().match(p.industry(), c);
        String text = PageText.norm(site.doc().body() == null ? "" : site.doc().body().text());
        List<String> hard = new ArrayList<>();
        List<String> soft = new ArrayList<>();
        int softTotal = 0;

        softTotal++;
        List<String> names = new ArrayList<>();
        if (p.firstName().length() >= 2) names.add(p.firstName());
        if (p.company() != null && !p.company().isBlank()) names.add(p.company());
        if (!names.isEmpty() && names.stream().noneMatch(n -> text.contains(PageText.norm(n)))) soft.add("the page never addresses the visitor: none of " + names + " appears");

        softTotal++;
        if (!p.interests().isEmpty() && p.interests().stream().noneMatch(i -> text.contains(PageText.norm(i)))) soft.add("none of the visitor's interests " + p.interests() + " appears");

        unsanitised(raw, text, hard);
        softTotal++;
        research(site, c, m, text, hard, soft);
        offerings(site, c, m, text, hard);
        testimonial(site, c, m, hard);

        double credit = hard.isEmpty() ? 1 - (double) soft.size() / (softTotal + 3) : Math.min(0.5, 1 - (double) (soft.size() + hard.size()) / (softTotal + 3));
        String industry = m.found() ? m.key() + " (" + m.kind().name().toLowerCase() + (m.kind() == IndustryMatcher.Kind.NEAREST ? String.format(java.util.Locale.ROOT, ", similarity %.2f", m.similarity()) : "") + ")"
                : "none of the company's industries (best similarity " + String.format(java.util.Locale.ROOT, "%.2f", m.similarity()) + " < " + IndustryMatcher.THRESHOLD + ")";
        List<String> all = new ArrayList<>(hard);
        all.addAll(soft);
        CheckResult r = hard.isEmpty() ? CheckResult.pass(this, "visitor's industry \"" + Text.clip(p.industry(), 40) + "\" → " + industry + (soft.isEmpty() ? "" : "; " + String.join("; ", soft)))
                : CheckResult.fail(this, hard.size() + " personalization problem(s); visitor's industry → " + industry, all);
        return r.withCredit(credit, List.of("industry: " + industry));
    }

    /** Raw visitor fields that hygiene changes must not be on the page as given. */
    private static void unsanitised(Profile raw, String text, List<String> hard) {
        List<String> fields = new ArrayList<>(java.util.Arrays.asList(raw.name(), raw.company(), raw.role(), raw.mission(), raw.companyType(), raw.location()));
        fields.addAll(raw.interests());
        for (String f : fields) {
            if (f == null || f.isBlank()) continue;
            String clean = VisitorText.clean(f);
            if (f.strip().equals(clean)) continue;
            String n = PageText.norm(f);
            // the part hygiene drops, looked for on the page: the whole raw value, or (dropped field) a long fragment of it
            boolean shown = n.length() >= 6 && text.contains(n);
            if (!shown && clean == null && n.length() >= 24) shown = text.contains(n.substring(0, 24));
            if (shown) hard.add("visitor text shown as copy without hygiene: \"" + Text.clip(f, 60) + "\"");
        }
    }

    private static void research(SiteUnderTest site, Company c, IndustryMatcher.Match m, String text, List<String> hard, List<String> soft) {
        Map<String, ResearchDoc> docs = c.research().stream().collect(Collectors.toMap(ResearchDoc::id, Function.identity(), (a, b) -> a));
        boolean hasGeneral = c.research().stream().anyMatch(ResearchDoc::isGeneral);
        Set<String> used = new LinkedHashSet<>();
        if (site.spec() != null) {
            site.spec().sections().forEach(s -> s.sources().forEach(src -> {
                String id = src.contains("#") ? src.substring(0, src.indexOf('#')) : src;
                if (docs.containsKey(id)) used.add(id);
            }));
        }
        // quoted on the page: a sentence of at least 40 characters found in one document
        Map<String, String> bodies = docs.values().stream().collect(Collectors.toMap(ResearchDoc::id, d -> PageText.norm(d.body()), (a, b) -> a));
        for (PageText.Sentence s : PageText.sentences(site)) {
            String n = PageText.norm(s.text()).replaceAll("[\"…]+", "").strip();
            if (n.length() < 40) continue;
            bodies.forEach((id, b) -> {
                if (b.contains(n)) used.add(id);
            });
        }
        if (used.isEmpty()) soft.add("the page quotes none of the company's research (no pain points from it)");
        // the pain points (or, without research for the industry, the approach story) come from the research, not from filler
        Set<String> ids = new LinkedHashSet<>(List.of("pain-points", "approach"));
        if (site.spec() != null) site.spec().sections().stream()
                .filter(x -> x.kind() == ai.atelier.site.WebsiteSpec.SectionKind.PAIN_POINTS || x.kind() == ai.atelier.site.WebsiteSpec.SectionKind.STORY)
                .forEach(x -> ids.add(x.id()));
        Map<String, String> research = new java.util.LinkedHashMap<>();
        bodies.forEach(research::put);
        for (String id : ids) {
            Element section = site.doc().getElementById(id);
            if (section == null) continue;
            List<Element> items = section.select("li p, li h3");
            if (items.isEmpty()) items = section.select("p");
            long sourced = items.stream().filter(e -> GroundingCheck.provenance(PageText.norm(e.text()), research) != null).count();
            if (items.isEmpty() || sourced * 2 < items.size()) {
                hard.add("the " + id + " section is not drawn from the company's research (" + sourced + " of " + items.size() + " items traced)");
            }
        }
        for (String id : used) {
            ResearchDoc d = docs.get(id);
            boolean fits = d.isGeneral() || IndustryMatcher.fits(m, d.industries()) || IndustryMatcher.general(d.industries(), c) || (!m.found() && !hasGeneral);
            if (!fits) hard.add("research " + id + " is for " + d.industries() + ", not for the visitor's industry" + (m.found() ? " (" + m.key() + ")" : ""));
        }
    }

    private static void offerings(SiteUnderTest site, Company c, IndustryMatcher.Match m, String text, List<String> hard) {
        if (c.offerings().isEmpty()) return;
        Map<String, Offering> byId = c.offerings().stream().collect(Collectors.toMap(Offering::id, Function.identity(), (a, b) -> a));
        List<Offering> shown = new ArrayList<>();
        List<Element> cards = site.doc().select("[data-offering]");
        if (!cards.isEmpty()) {
            for (Element card : cards) {
                Offering o = byId.get(card.attr("data-offering"));
                if (o == null) hard.add("offering card \"" + Text.clip(card.attr("data-offering"), 40) + "\" is not one of the company's offerings");
                else shown.add(o);
            }
        } else {
            c.offerings().stream().filter(o -> text.contains(PageText.norm(o.name()))).forEach(shown::add);
        }
        if (shown.isEmpty()) {
            hard.add("the page shows none of the company's offerings");
            return;
        }
        for (Offering o : shown) {
            if (!IndustryMatcher.fitsVisitor(o.industries(), m, c)) {
                hard.add("offering " + o.id() + " is sold to " + o.industries() + ", not to the visitor's industry" + (m.found() ? " (" + m.key() + ")" : " (none of the company's)"));
            }
        }
    }

    private static void testimonial(SiteUnderTest site, Company c, IndustryMatcher.Match m, List<String> hard) {
        for (Element q : site.doc().select("blockquote")) {
            String quote = PageText.norm(q.select("p").isEmpty() ? q.text() : q.select("p").first().text()).replaceAll("[\"“”]", "").strip();
            if (quote.length() < 20) continue;
            Testimonial t = c.testimonials().stream().filter(x -> {
                String tq = PageText.norm(x.quote());
                return tq.contains(quote) || quote.contains(tq);
            }).findFirst().orElse(null);
            if (t == null) {
                hard.add("testimonial \"" + Text.clip(quote, 60) + "\" is not one of the company's testimonials");
                continue;
            }
            String ind = t.industry() == null ? "general" : t.industry();
            if (!IndustryMatcher.fitsVisitor(List.of(ind), m, c)) {
                hard.add("testimonial from " + t.author() + " is from " + ind + ", not from the visitor's industry" + (m.found() ? " (" + m.key() + ")" : " (none of the company's)"));
            }
        }
    }
}
