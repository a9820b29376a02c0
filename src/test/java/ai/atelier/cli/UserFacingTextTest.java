package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text a user reads (docs, README, examples, bundled resources and the messages in the sources)
 * never points at our own issue tracker: a user does not know what "issue 5" is.
 */
class UserFacingTextTest {
    private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues?\\s*#?\\d+");

    @Test
    void noUserFacingTextNamesAnIssueNumber() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("README.md", "docs", "examples", "src/main")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".atelier-index")).toList()) {
                    String text;
                    try {
                        text = Files.readString(f);
                    } catch (MalformedInputException binary) {
                        continue;
                    }
                    Matcher m = ISSUE.matcher(text);
                    while (m.find()) found.add(f + ": \"" + m.group() + "\"");
                }
            }
        }
        assertThat(found).as("user-facing text naming an issue number").isEmpty();
    }
}
