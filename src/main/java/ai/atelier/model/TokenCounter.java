package ai.atelier.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with a real BPE tokenizer (OpenAI's o200k_base through jtokkit) where a provider
 * gives no usage, notably for the built-in engine. Counts made here are always marked estimated.
 */
public final class TokenCounter {
    /** The tokenizer's name, as reported next to estimated counts. */
    public static final String TOKENIZER = "o200k_base";
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    public TokenUsage estimate(String prompt, String output) {
        return new TokenUsage(count(prompt), count(output), 0, true);
    }
}
