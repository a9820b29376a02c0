package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written normaliser must fold exactly what the regular expression it replaced folded. */
class PoliciesNormaliseTest {

    @Test
    void normaliseEqualsTheRegularExpressionItReplaced() {
        String alphabet = "aB Z\t\n\r\u000B\f\u00A0\u2000\u2005\u200B\u200C\u202F\u205F\u3000\u0085İß.";
        Random random = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = s.toString();
            String expected = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u2000-\\u200B\\u202F]+", " ").strip();
            assertThat(Policies.normalise(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void bannedPhraseMatchesAcrossLineBreaksAndCase() {
        Policies p = new Policies(List.of("guaranteed results"), null, List.of(), null);
        assertThat(p.findBannedPhrase("We promise Guaranteed\n  RESULTS today")).isEqualTo("guaranteed results");
        assertThat(p.findBannedPhrase("results, guaranteed")).isNull();
    }
}
