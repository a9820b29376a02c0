package ai.atelier.site.finegrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.knowledge.Policies;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswersTest {
    private final Policies policies = new Policies(List.of("guaranteed results"), "Disclaimer.", List.of("example.com"), null);

    @Test
    void refusesFieldsThatAreNotUsable() {
        assertThatThrownBy(() -> Answers.text("We deliver GUARANTEED   results", "heading", 120, policies))
                .isInstanceOf(AnswerRejected.class).hasMessageContaining("banned phrase");
        assertThatThrownBy(() -> Answers.text(null, "missing", 120, policies)).hasMessageContaining("\"missing\" is missing");
        // blank is content, not shape: the schema (minLength 1) admits a space, so a blank field is QA's to judge, not a rejection
        assertThat(Answers.text("  ", "blank", 120, policies)).isEmpty();
        assertThatThrownBy(() -> Answers.text("y".repeat(200), "long", 120, policies)).hasMessageContaining("longer than 120");
        assertThatThrownBy(() -> Answers.list(List.of(), "items", 3)).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> Answers.list(null, "items", 3)).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> Answers.list(List.of(1, 2, 3, 4), "items", 3)).hasMessageContaining("more than 3");
        assertThatThrownBy(() -> Answers.list(Arrays.asList(1, null), "items", 3)).hasMessageContaining("empty entry");
        assertThat(Answers.list(List.of(1, 2), "items", 3)).containsExactly(1, 2);
    }

    @Test
    void foldsWhitespaceInTextFields() {
        assertThat(Answers.text("  Plan\n  your   week  ", "t", 50, policies)).isEqualTo("Plan your week");
        assertThat(Answers.texts(List.of("a", " b "), "list", 3, 10, policies)).containsExactly("a", "b");
        assertThat(Answers.texts(null, "list", 3, 10, policies)).isEmpty();
        assertThatThrownBy(() -> Answers.texts(List.of("a", "b"), "list", 1, 10, policies)).hasMessageContaining("at most 1");
    }
}
