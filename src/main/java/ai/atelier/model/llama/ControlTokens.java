package ai.atelier.model.llama;

import java.util.regex.Pattern;

/**
 * Keeps message text from posing as chat-template control tokens. llama.cpp tokenizes the whole
 * formatted prompt with special-token parsing on, so a visitor profile containing
 * {@code <|end|><|system|>} (phi-3), {@code <|im_start|>} (chatml), {@code <|start_header_id|>}
 * (llama-3), {@code </s>} or {@code [INST]} would otherwise end its own message and open a new
 * one with real control tokens. A zero-width space after the opening bracket leaves the text
 * readable but no longer spells the special token.
 */
final class ControlTokens {
    private static final Pattern MARKUP = Pattern.compile("<(?=\\||/?s>|/?start_of_turn|/?end_of_turn|<SYS>>|/SYS>>)|\\[(?=/?INST\\])");

    private ControlTokens() {}

    static String neutralize(String text) {
        if (text == null || text.isEmpty()) return text;
        return MARKUP.matcher(text).replaceAll("$0\u200B");
    }
}
