package ai.atelier.site;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.knowledge.Testimonial;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders what a persona is told about the company (retrieved passages, offerings, testimonials,
 * guidelines, policies, brand) into prompt variables. One place, so the built-in engine counts
 * tokens over exactly the prompt a real model would receive.
 */
public final class KnowledgeDigest {
    private KnowledgeDigest() {}

    public static Map<String, String> variables(Profile profile, Company company, List<RetrievedChunk> hits) {
        Map<String, String> v = new HashMap<>(company(company));
        v.put("visitor", VisitorBrief.of(profile));
        v.put("passages", hits.stream()
                .map(h -> "[" + h.chunk().id() + "] " + h.chunk().heading() + "\n" + h.chunk().text())
                .collect(Collectors.joining("\n\n")));
        return v;
    }

    /**
     * What is the same for every visitor of the company: the brand variables plus its offerings,
     * testimonials and design guidelines. System prompts render from this alone, so they hold
     * nothing of the visitor and stay byte-identical from one visitor to the next (the prefix a
     * provider's prompt cache reuses, see docs/reuse.md).
     */
    public static Map<String, String> company(Company company) {
        Map<String, String> v = new HashMap<>(brand(company));
        v.put("offerings", company.offerings().stream().map(KnowledgeDigest::offering).collect(Collectors.joining("\n")));
        v.put("testimonials", company.testimonials().stream().map(KnowledgeDigest::testimonial).collect(Collectors.joining("\n")));
        v.put("guidelines", company.designGuidelines());
        return v;
    }

    /** Brand, policy and identity variables every persona prompt may use. */
    public static Map<String, String> brand(Company company) {
        Map<String, String> v = new HashMap<>();
        var b = company.info().brand();
        v.put("companyName", company.info().name());
        v.put("callToAction", ai.atelier.knowledge.CompanyCallToAction.of(company).label());
        v.put("primary", b.primary());
        v.put("accent", b.accent());
        v.put("background", b.background());
        v.put("text", b.text());
        v.put("font", company.info().font());
        v.put("allowedDomains", company.policies().allowedLinkDomains().isEmpty() ? "(none)" : String.join(", ", company.policies().allowedLinkDomains()));
        v.put("tone", company.policies().tone() == null ? "clear, warm and specific" : company.policies().tone());
        v.put("bannedPhrases", String.join("; ", company.policies().bannedPhrases()));
        v.put("disclaimer", company.policies().requiredDisclaimer() == null ? "(none)" : company.policies().requiredDisclaimer());
        return v;
    }

    private static String offering(Offering o) {
        return "- [" + o.id() + "] " + o.name() + " (industries: " + String.join(", ", o.industries()) + "): " + o.summary()
                + (o.benefits().isEmpty() ? "" : " Benefits: " + String.join("; ", o.benefits()));
    }

    private static String testimonial(Testimonial t) {
        return "- (" + t.industry() + ") \"" + t.quote() + "\" — " + t.author()
                + (t.role() == null ? "" : ", " + t.role()) + (t.company() == null ? "" : ", " + t.company());
    }
}
