package ai.atelier.quality;

import java.util.List;

/**
 * The optional reviewer model's rubric verdict, reported beside the deterministic score. It
 * advises and never gates. Each criterion is 1–5; {@code score} is their mean scaled to 0–100.
 * {@code error} is set (and the numbers are null) when the model's answer could not be used.
 */
public record ModelReview(String model, Integer score, Integer relevance, Integer brandTone, Integer clarity, Integer persuasiveness,
                          List<String> reasons, String error) {
    public ModelReview {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    static ModelReview failed(String model, String error) {
        return new ModelReview(model, null, null, null, null, null, List.of(), error);
    }
}
