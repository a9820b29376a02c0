package ai.atelier.quality;

import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelClient;
import ai.atelier.site.Prompts;
import ai.atelier.site.VisitorBrief;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QA persona's optional model half: when the role {@code qa} is bound to a model, that model
 * reviews the page against a rubric (relevance to the visitor, brand tone, clarity,
 * persuasiveness). Its answer is untrusted: it is parsed strictly, bounded, and only reported; the
 * gate stays with the deterministic checks, so a model cannot pass a broken page.
 */
public final class QaReviewer {
    static final int MAX_PAGE_CHARS = 12_000;
    static final String SCHEMA = """
            {"type":"object","required":["relevance","brandTone","clarity","persuasiveness","reasons"],
             "properties":{"relevance":{"type":"integer","minimum":1,"maximum":5},"brandTone":{"type":"integer","minimum":1,"maximum":5},
             "clarity":{"type":"integer","minimum":1,"maximum":5},"persuasiveness":{"type":"integer","minimum":1,"maximum":5},
             "reasons":{"type":"array","maxItems":5,"items":{"type":"string"}}}}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Prompts prompts;

    public QaReviewer(Prompts prompts) {
        this.prompts = prompts;
    }

    /** Asks {@code model} for its review of {@code site}; a failed or unusable answer becomes a review with an error. */
    public ModelReview review(SiteUnderTest site, ModelClient model, String role) {
        if (site.profile() == null) return ModelReview.failed(null, "no visitor profile to review the page against");
        String system = prompts.render("qa-reviewer.system", Map.of("companyName", site.company().info().name(),
                "tone", site.company().policies().tone() == null ? "not specified" : site.company().policies().tone()));
        String page = site.doc().body() == null ? "" : site.doc().body().text();
        if (page.length() > MAX_PAGE_CHARS) page = page.substring(0, MAX_PAGE_CHARS) + " …";
        String user = prompts.render("qa-reviewer.user", Map.of("visitor", VisitorBrief.of(site.profile()),
                "page", VisitorBrief.q(page)));
        ChatResponse answer;
        try {
            answer = model.chat(new ChatRequest(role, "qa-review", system, user, SCHEMA, 600, Duration.ofSeconds(90)));
        } catch (RuntimeException e) {
            return ModelReview.failed(null, "reviewer call failed: " + Text.clip(String.valueOf(e.getMessage()), 200));
        }
        return parse(answer.model(), answer.text());
    }

    /** The rubric from a model's answer: the first JSON object in it, each criterion an integer 1–5. */
    static ModelReview parse(String model, String text) {
        if (text == null) return ModelReview.failed(model, "empty answer");
        int start = text.indexOf('{'), end = text.lastIndexOf('}');
        if (start < 0 || end <= start) return ModelReview.failed(model, "no JSON object in the answer");
        JsonNode n;
        try {
            n = JSON.readTree(text.substring(start, end + 1));
        } catch (Exception e) {
            return ModelReview.failed(model, "answer is not valid JSON");
        }
        int[] v = new int[4];
        String[] keys = {"relevance", "brandTone", "clarity", "persuasiveness"};
        for (int i = 0; i < 4; i++) {
            JsonNode x = n.path(keys[i]);
            if (!x.canConvertToInt() || x.asInt() < 1 || x.asInt() > 5) return ModelReview.failed(model, keys[i] + " must be an integer from 1 to 5");
            v[i] = x.asInt();
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode r : n.path("reasons")) {
            if (reasons.size() == 5) break;
            if (r.isTextual() && !r.asText().isBlank()) reasons.add(Text.clip(r.asText(), 300));
        }
        int score = (int) Math.round(((v[0] + v[1] + v[2] + v[3]) / 4.0 - 1) / 4.0 * 100);
        return new ModelReview(model, score, v[0], v[1], v[2], v[3], reasons, null);
    }
}
