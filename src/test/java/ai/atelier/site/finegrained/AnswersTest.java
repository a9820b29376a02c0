package ai.atelier.site.finegrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.knowledge.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswersTest {
    private final Policies policies = new Policies(List.of("guaranteed results"), "Disclaimer.", List.of("example.com"), null);

    @Test
    void findsTheJsonObjectInsideFencesAndProse() {
        var n = Answers.parse("Sure! Here it is:\n```json\n{\"offerings\": [\"a\", \"b\"]}\n```\nAnything else?");
        assertThat(n.get("offerings")).hasSize(2);
    }

    @Test
    void refusesAnswersThatAreNotUsable() {
        assertThatThrownBy(() -> Answers.parse("no json here")).isInstanceOf(AnswerRejected.class).hasMessageContaining("no JSON object");
        assertThatThrownBy(() -> Answers.parse("{\"a\": }")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Answers.parse("{\"a\":\"" + "x".repeat(Answers.MAX_ANSWER_CHARS) + "\"}")).hasMessageContaining("longer than");
        var n = Answers.parse("{\"heading\": \"We deliver GUARANTEED   results\", \"items\": [], \"long\": \"" + "y".repeat(200) + "\"}");
        assertThatThrownBy(() -> Answers.text(n, "heading", 120, policies)).hasMessageContaining("banned phrase");
        assertThatThrownBy(() -> Answers.text(n, "missing", 120, policies)).hasMessageContaining("\"missing\" is missing");
        assertThatThrownBy(() -> Answers.text(n, "long", 120, policies)).hasMessageContaining("longer than 120");
        assertThatThrownBy(() -> Answers.array(n, "items", 3)).hasMessageContaining("non-empty list");
    }

    @Test
    void foldsWhitespaceInTextFields() {
        var n = Answers.parse("{\"t\": \"  Plan\\n  your   week  \", \"list\": [\"a\", \" b \"]}");
        assertThat(Answers.text(n, "t", 50, policies)).isEqualTo("Plan your week");
        assertThat(Answers.texts(n, "list", 3, 10, policies)).containsExactly("a", "b");
        assertThatThrownBy(() -> Answers.texts(n, "list", 1, 10, policies)).hasMessageContaining("at most 1");
    }
}
