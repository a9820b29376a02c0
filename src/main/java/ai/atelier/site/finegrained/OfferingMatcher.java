package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.site.Engines;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.builtin.SpecRules;
import ai.atelier.site.builtin.SpecRules.Research;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Picks up to three of the company's offerings for the visitor and the pain points the analyst chose. */
public final class OfferingMatcher {
    private final Engines engines;
    private final SpecRules rules;

    public OfferingMatcher(Engines engines, SpecRules rules) {
        this.engines = engines;
        this.rules = rules;
    }

    public MatchedOfferings match(Profile p, Company c, Research research, PersonaContext ctx) {
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(c));
        vars.put("visitor", VisitorBrief.of(p));
        vars.put("painPoints", Drafts.painPoints(research));
        vars.put("offerings", KnowledgeDigest.variables(p, c, List.of()).get("offerings"));
        return new PersonaCall<MatchedOfferings>("offering-matcher", "match offerings", vars, List.of("painPoints"))
                .run(engines, ctx, () -> new MatchedOfferings(rules.matchOfferings(p, c, research)), json -> parse(json, c),
                        m -> Map.of("offerings", m.offerings().stream().map(Offering::id).toList()));
    }

    private static MatchedOfferings parse(JsonNode json, Company c) {
        List<Offering> out = new ArrayList<>();
        for (JsonNode n : Answers.array(json, "offerings", 3)) {
            String id = n.isTextual() ? n.asText() : n.path("id").asText("");
            Offering o = c.offerings().stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AnswerRejected("offering \"" + id + "\" is not one the company sells"));
            if (out.contains(o)) throw new AnswerRejected("offering \"" + id + "\" is chosen twice");
            out.add(o);
        }
        return new MatchedOfferings(out);
    }
}
