package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.model.RecordSchema;
import ai.atelier.model.Shape;
import ai.atelier.site.Engines;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Picks up to three of the company's offerings for the visitor and the pain points the analyst chose. */
public final class OfferingMatcher {
    /** A model's answer: the offerings it chose, by id. */
    record Answer(@Shape(minItems = 1, maxItems = 3, minLength = 1, maxLength = 120) List<String> offerings) {}

    private final Engines engines;
    private final SpecRules rules;

    public OfferingMatcher(Engines engines, SpecRules rules) {
        this.engines = engines;
        this.rules = rules;
    }

    public MatchedOfferings match(Profile p, Company c, Research research, PersonaContext ctx) {
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(c));
        vars.put("visitor", VisitorBrief.of(p));
        vars.put("painPoints", Drafts.painPointSummaries(research));
        vars.put("offerings", KnowledgeDigest.variables(p, c, List.of()).get("offerings"));
        RecordSchema schema = RecordSchema.of(Answer.class).choices("Answer.offerings", c.offerings().stream().map(Offering::id).toList());
        return new PersonaCall<Answer, MatchedOfferings>("offering-matcher", "match offerings", vars, List.of("painPoints"), Answer.class, schema)
                .run(engines, ctx, () -> new MatchedOfferings(rules.matchOfferings(p, c, research)), a -> parse(a, c),
                        m -> Map.of("offerings", m.offerings().stream().map(Offering::id).toList()));
    }

    private static MatchedOfferings parse(Answer answer, Company c) {
        List<Offering> out = new ArrayList<>();
        for (String id : Answers.list(answer.offerings(), "offerings", 3)) {
            Offering o = c.offerings().stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AnswerRejected("offering \"" + id + "\" is not one the company sells"));
            if (!out.contains(o)) out.add(o); // named twice, chosen once
        }
        return new MatchedOfferings(out);
    }
}
