package ai.atelier.quality;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.ResearchDoc;
import ai.atelier.site.Profile;
import ai.atelier.site.WebsiteSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * The page is made for this visitor: it addresses them (name or company), its pain points come
 * from research retrieved for their industry (or cross-industry research when the company has none
 * for it) and are on the page, and the offerings it shows are ones sold to their industry whenever
 * the company sells any to it.
 */
final class PersonalizationCheck implements QualityCheck {
    @Override
    public String name() {
        return "personalization";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        if (site.profile() == null || site.spec() == null) return CheckResult.skipped(this, "no visitor profile or spec to compare the page with");
        Profile p = site.profile();
        Company c = site.company();
        String text = IndustryFit.norm(site.doc().body() == null ? "" : site.doc().body().text());
        List<String> problems = new ArrayList<>();

        List<String> names = new ArrayList<>(List.of(p.name()));
        if (p.firstName().length() >= 2) names.add(p.firstName());
        if (p.company() != null && !p.company().isBlank()) names.add(p.company());
        if (names.stream().noneMatch(n -> text.contains(IndustryFit.norm(n)))) {
            problems.add("the page never addresses the visitor: none of " + names + " appears");
        }

        painPoints(site, p, c, text, problems);
        offerings(site, p, c, text, problems);

        return problems.isEmpty() ? CheckResult.pass(this, "addresses " + p.firstName() + ", pain points and offerings fit " + p.industry())
                : CheckResult.fail(this, problems.size() + " personalization problem(s)", problems);
    }

    private static void painPoints(SiteUnderTest site, Profile p, Company c, String text, List<String> problems) {
        // For an industry the company has no research on, an honest "how we start" story stands in for pain points.
        boolean researched = IndustryFit.fitsAny(p.industry(), c.researchedIndustries());
        WebsiteSpec.Section pains = site.spec().sections().stream()
                .filter(s -> s.kind() == WebsiteSpec.SectionKind.PAIN_POINTS || (!researched && s.kind() == WebsiteSpec.SectionKind.STORY))
                .findFirst().orElse(null);
        if (pains == null || pains.items().isEmpty()) {
            problems.add("the spec has no pain points section with items");
            return;
        }
        if (!text.contains(IndustryFit.norm(pains.heading()))) problems.add("pain points heading not on the page: \"" + Text.clip(pains.heading(), 60) + "\"");
        long shown = pains.items().stream().filter(i -> text.contains(IndustryFit.norm(i.title()))).count();
        if (shown == 0) problems.add("none of the " + pains.items().size() + " pain points is on the page");
        if (pains.sources().isEmpty()) {
            problems.add("the pain points cite no retrieved research");
            return;
        }
        Map<String, ResearchDoc> docs = c.research().stream().collect(Collectors.toMap(ResearchDoc::id, Function.identity(), (a, b) -> a));
        boolean companyKnowsIndustry = IndustryFit.fitsAny(p.industry(), c.researchedIndustries());
        Set<String> interestWords = new LinkedHashSet<>();
        p.interests().forEach(i -> interestWords.addAll(List.of(IndustryFit.norm(i).split(" "))));
        interestWords.removeIf(w -> w.length() < 5);
        for (String source : pains.sources()) {
            String docId = source.contains("#") ? source.substring(0, source.indexOf('#')) : source;
            ResearchDoc doc = docs.get(docId);
            if (doc == null) {
                problems.add("pain point source " + source + " is not in the company's research");
                continue;
            }
            boolean fits = doc.isGeneral() || !companyKnowsIndustry || IndustryFit.fitsAny(p.industry(), doc.industries())
                    || interestWords.stream().anyMatch(w -> IndustryFit.norm(doc.title() + " " + doc.topic()).contains(w));
            if (!fits) problems.add("pain point source " + source + " is research for " + doc.industries() + ", not for " + p.industry());
        }
    }

    private static void offerings(SiteUnderTest site, Profile p, Company c, String text, List<String> problems) {
        if (c.offerings().isEmpty()) return;
        Map<String, Offering> byId = c.offerings().stream().collect(Collectors.toMap(Offering::id, Function.identity(), (a, b) -> a));
        List<Offering> shown = new ArrayList<>();
        List<Element> cards = site.doc().select("[data-offering]");
        if (!cards.isEmpty()) {
            for (Element card : cards) {
                Offering o = byId.get(card.attr("data-offering"));
                if (o == null) problems.add("offering card \"" + Text.clip(card.attr("data-offering"), 40) + "\" is not one of the company's offerings");
                else shown.add(o);
            }
        } else {
            // pages without data-offering markers: recognise offerings by name
            c.offerings().stream().filter(o -> text.contains(IndustryFit.norm(o.name()))).forEach(shown::add);
        }
        if (shown.isEmpty()) {
            problems.add("the page shows none of the company's offerings");
            return;
        }
        boolean companySellsToIndustry = c.offerings().stream().anyMatch(o -> IndustryFit.fitsAny(p.industry(), o.industries()));
        if (!companySellsToIndustry) return;
        for (Offering o : shown) {
            if (!IndustryFit.fitsAny(p.industry(), o.industries()) && !o.industries().contains("general") && !o.industries().contains("all")) {
                problems.add("offering " + o.id() + " is sold to " + o.industries() + ", not to " + p.industry());
            }
        }
    }
}
