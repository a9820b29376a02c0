package ai.atelier.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts tokens with a real BPE tokenizer (OpenAI's o200k_base through jtokkit) where a provider
 * gives no usage, notably for the built-in engine. Counts made here are always marked estimated.
 *
 * <p>Prompts repeat most of their lines from site to site (instructions, guidelines, offerings,
 * stylesheets, indented JSON), so a text is counted line by line and each line's count is
 * remembered. That is exact, not an approximation: the tokenizer first splits text into pieces
 * with a regular expression and encodes each piece on its own, and no piece spans a line break
 * that ends a run of white space, when the next line starts with text (possibly indented; unindented
 * it must not start with '/', which a punctuation piece may swallow with the line break). Pieces
 * of white space that contain line breaks end at their last line break, no pattern looks behind,
 * and the only look-ahead concerns white space. So the count of the whole is the sum of the
 * counts of such lines; a test checks it against counting whole texts.
 */
public final class TokenCounter {
    /** The tokenizer's name, as reported next to estimated counts. */
    public static final String TOKENIZER = "o200k_base";
    /** Bounds on the memory of counted lines: a line longer than this is counted, not kept. */
    private static final int MAX_LINE = 16_384;
    private static final long MAX_CACHED_CHARS = 4_000_000;
    private final ConcurrentHashMap<String, Integer> lines = new ConcurrentHashMap<>();
    private final AtomicLong cachedChars = new AtomicLong();

    public int count(String text) {
        if (text == null || text.isEmpty()) return 0;
        int total = 0, start = 0, n = text.length();
        for (int i = 1; i < n; i++) {
            if (text.charAt(i - 1) == '\n' && lineStartsPiece(text, i)) {
                total += line(text.substring(start, i));
                start = i;
            }
        }
        return total + line(start == 0 ? text : text.substring(start));
    }

    /** The tokenizer's own count of {@code text} in one pass, with no splitting or memory (for checks). */
    public static int countWhole(String text) {
        return text == null || text.isEmpty() ? 0 : Vocabulary.ENCODING.countTokensOrdinary(text);
    }

    public TokenUsage estimate(String prompt, String output) {
        return new TokenUsage(count(prompt), count(output), 0, true);
    }

    private int line(String s) {
        if (s.length() > MAX_LINE) return Vocabulary.ENCODING.countTokensOrdinary(s);
        Integer known = lines.get(s);
        if (known != null) return known;
        int c = Vocabulary.ENCODING.countTokensOrdinary(s);
        if (cachedChars.addAndGet(s.length()) > MAX_CACHED_CHARS) {
            // Forget everything rather than track recency: cheap, and the lines that matter come back at once.
            lines.clear();
            cachedChars.set(s.length());
        }
        lines.put(s, c);
        return c;
    }

    /**
     * Whether no piece spans the line break before {@code i}: the white space from {@code i} holds
     * no further line break and text follows it, and text right after the break is not '/'.
     */
    private static boolean lineStartsPiece(String text, int i) {
        int j = i, n = text.length();
        while (j < n && space(text.charAt(j))) {
            char c = text.charAt(j);
            if (c == '\n' || c == '\r') return false;
            j++;
        }
        return j < n && (j > i || text.charAt(j) != '/');
    }

    /** Every character the tokenizer's pattern treats as white space (Unicode White_Space), and a few more. */
    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /**
     * Loads the tokenizer's vocabulary now (about half a second of CPU), so a process that will count
     * tokens can start it in the background at start-up; counting waits for it either way.
     */
    public static void loadVocabulary() {
        Vocabulary.ENCODING.countTokensOrdinary("warm up");
    }

    /** The vocabulary, read on first use (holder class), not when a counter is made. */
    private static final class Vocabulary {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }
}
