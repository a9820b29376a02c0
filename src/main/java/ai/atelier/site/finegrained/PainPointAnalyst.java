package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.model.RecordSchema;
import ai.atelier.model.Shape;
import ai.atelier.site.Engines;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.site.rules.SpecRules.Research;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fine-grained workflow's first step: retrieves the company research that fits the visitor
 * (retrieval is code) and picks the pain points the page will speak to (the model's choice, or
 * the built-in rule: best passages, one per source document first).
 */
public final class PainPointAnalyst {
    /** A model's answer: the passages it chose, by id. */
    record Answer(@Shape(minItems = 1, maxItems = 3) List<Pick> painPoints) {}

    record Pick(@Shape(minLength = 1, maxLength = 200) String chunkId) {}

    private final Engines engines;
    private final SpecRules rules;

    public PainPointAnalyst(Engines engines, SpecRules rules) {
        this.engines = engines;
        this.rules = rules;
    }

    public Research analyse(Profile p, Company c, Retriever retriever, PersonaContext ctx) {
        Research found = rules.research(p, c, retriever);
        Map<String, String> vars = KnowledgeDigest.variables(p, c, found.passages());
        if (found.passages().isEmpty()) return found; // nothing to choose from: no call
        RecordSchema schema = RecordSchema.of(Answer.class)
                .choices("Pick.chunkId", found.passages().stream().map(h -> h.chunk().id()).toList());
        return new PersonaCall<Answer, Research>("pain-point-analyst", "pain points", vars, List.of(), Answer.class, schema)
                .run(engines, ctx, () -> found, a -> chosen(a, found), r -> Map.of("painPoints",
                        r.painPoints().stream().map(h -> Map.of("chunkId", h.chunk().id())).toList()));
    }

    private static Research chosen(Answer answer, Research found) {
        List<RetrievedChunk> picked = new ArrayList<>();
        for (Pick n : Answers.list(answer.painPoints(), "painPoints", 3)) {
            String id = n.chunkId();
            RetrievedChunk hit = found.passages().stream().filter(h -> h.chunk().id().equals(id)).findFirst()
                    .orElseThrow(() -> new AnswerRejected("pain point \"" + id + "\" is not one of the passages given"));
            if (!picked.contains(hit)) picked.add(hit); // the same passage named twice is chosen once
        }
        return new Research(found.industry(), found.passages(), picked, found.match());
    }
}
