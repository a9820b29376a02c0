package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Counting line by line with remembered lines must equal the tokenizer's count of the whole text. */
class TokenCounterTest {

    @Test
    void lineByLineCountEqualsWholeCountOnRandomTexts() {
        // Characters chosen to hit every piece pattern and every boundary case: line breaks before
        // spaces, '/', '\r', letters, digits, punctuation, marks, non-breaking and other Unicode spaces.
        String alphabet = "ab Z9'sT\n\n\r\t/.,-_[]{}\"<>#:;ée\u0301\u00A0\u2003\u0085\u2028ß中文1234567 ";
        Random random = new Random(42);
        TokenCounter counter = new TokenCounter();
        for (int t = 0; t < 60_000; t++) {
            int len = random.nextInt(80);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < len; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = s.toString();
            assertThat(counter.count(text)).as("count of %s", text.replace("\n", "\\n")).isEqualTo(TokenCounter.countWhole(text));
        }
    }

    @Test
    void lineByLineCountEqualsWholeCountOnPromptsAndCompanyFiles() throws Exception {
        TokenCounter counter = new TokenCounter();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/prompts")), Files.walk(Path.of("examples")))) {
            // text files only: the knowledge index Atelier writes beside a company (.atelier-index/) is binary
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(md|ya?ml|json|txt)$"))
                    .filter(p -> !p.toString().contains(".atelier-index")).toList()) {
                String text = Files.readString(f);
                assertThat(counter.count(text)).as(f.toString()).isEqualTo(TokenCounter.countWhole(text));
                assertThat(counter.count(text + "\n\n" + text)).as(f + " twice").isEqualTo(TokenCounter.countWhole(text + "\n\n" + text));
            }
        }
    }

    @Test
    void lineByLineCountEqualsWholeCountOnIndentedJsonAndMarkup() {
        TokenCounter counter = new TokenCounter();
        String json = "{\n  \"title\" : \"Priya, fewer surprises\",\n  \"sections\" : [ {\n    \"id\" : \"a/b\",\n    \"items\" : [ ]\n  } ],\n"
                + "  \"n\" : 12345,\n\t/* c */\n  \n   \n/path\n\n\n  \"end\"\n}\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <title>T</title>\n  </head>\n  <body>\n\n  </body>\n</html>\n   ";
        for (String s : new String[] {json, html, json + html, html + json, "\n", "\n\n", " \n", "\n ", "a\n/", "a.\n/b", "a.\n  /b"}) {
            assertThat(counter.count(s)).as(s).isEqualTo(TokenCounter.countWhole(s));
        }
    }

    @Test
    void rememberedLinesDoNotChangeLaterCounts() {
        TokenCounter counter = new TokenCounter();
        String a = "You are the Personalizer.\nKeep it short.\n/path\n  indented\n";
        int first = counter.count(a);
        assertThat(counter.count(a)).isEqualTo(first).isEqualTo(TokenCounter.countWhole(a));
        assertThat(counter.count("")).isZero();
        assertThat(counter.count(null)).isZero();
    }
}
