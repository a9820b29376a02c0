package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StructuredCallTest {
    record Greeting(String greeting, int count) {}

    private final CatalogEntry mini = ModelCatalog.bundled().find("gpt-4o-mini").orElseThrow();
    private final CatalogEntry large = ModelCatalog.bundled().find("gpt-4o").orElseThrow();
    private final List<String> repairPrompts = new ArrayList<>();
    private final StructuredCall call = new StructuredCall((orig, answer, errors) -> {
        String p = orig + "\nPREVIOUS: " + answer + "\nERRORS: " + String.join("; ", errors);
        repairPrompts.add(p);
        return p;
    });

    private static List<String> validate(Greeting g) {
        return g.count() > 0 ? List.of() : List.of("count must be positive");
    }

    private ModelClient scripted(CallMeter meter, String name, CatalogEntry price, String... answers) {
        int[] i = {0};
        return new ChatPipeline(List.of(new Metering(name, "openai", price, meter)),
                r -> new ChatResponse(answers[Math.min(i[0]++, answers.length - 1)], new TokenUsage(100 * r.attempt(), 10, 0, false), name, "stop"));
    }

    @Test
    void schemaIsDerivedFromTheRecord() {
        String schema = RecordSchema.of(Greeting.class, Set.of());
        assertThat(schema).isEqualTo("{\"type\":\"object\",\"properties\":{\"greeting\":{\"type\":\"string\"},\"count\":{\"type\":\"integer\"}},"
                + "\"required\":[\"greeting\",\"count\"],\"additionalProperties\":false}");
    }

    @Test
    void validAnswerFirstTime() {
        CallMeter meter = new CallMeter(System.nanoTime());
        Greeting g = call.call(List.of(scripted(meter, "small", mini, "```json\n{\"greeting\":\"hi\",\"count\":1}\n```")),
                TestSpecs.json("{}"), Greeting.class, StructuredCallTest::validate);
        assertThat(g).isEqualTo(new Greeting("hi", 1));
        assertThat(meter.calls()).hasSize(1);
    }

    @Test
    void repairRoundShowsTheValidationErrorAndEachAttemptIsItsOwnCall() {
        CallMeter meter = new CallMeter(System.nanoTime());
        Greeting g = call.call(List.of(scripted(meter, "small", mini, "{\"greeting\":\"hi\",\"count\":0}", "{\"greeting\":\"hi\",\"count\":3}")),
                TestSpecs.json("{}"), Greeting.class, StructuredCallTest::validate);
        assertThat(g.count()).isEqualTo(3);
        assertThat(repairPrompts).singleElement().asString().contains("count must be positive").contains("\"count\":0");
        assertThat(meter.calls()).extracting(ModelCall::attempt).containsExactly(1, 2);
        assertThat(meter.calls()).extracting(ModelCall::purpose).containsExactly("personalize", "personalize (repair)");
        // each attempt carries its own usage (100 x attempt in, 10 out) and cost
        assertThat(meter.calls()).extracting(c -> c.usage().inputTokens()).containsExactly(100L, 200L);
        assertThat(meter.calls().get(1).costUsd()).isEqualTo(0.000036); // 200*0.15e-6 + 10*0.6e-6
        assertThat(meter.attempts()).isEqualTo(2);
    }

    @Test
    void escalatesToTheNextTierAfterAFailedRepair() {
        CallMeter meter = new CallMeter(System.nanoTime());
        ModelClient small = scripted(meter, "small", mini, "not json at all", "{\"greeting\":\"hi\"}");
        ModelClient big = scripted(meter, "large", large, "{\"greeting\":\"hello\",\"count\":2}");
        Greeting g = call.call(List.of(small, big), TestSpecs.json("{}"), Greeting.class, StructuredCallTest::validate);
        assertThat(g).isEqualTo(new Greeting("hello", 2));
        assertThat(meter.calls()).extracting(ModelCall::model, ModelCall::attempt, ModelCall::purpose).containsExactly(
                org.assertj.core.groups.Tuple.tuple("small", 1, "personalize"),
                org.assertj.core.groups.Tuple.tuple("small", 2, "personalize (repair)"),
                org.assertj.core.groups.Tuple.tuple("large", 3, "personalize (escalated)"));
        assertThat(meter.calls().get(2).costUsd()).isEqualTo(0.00085); // 300*2.5e-6 + 10*10e-6
    }

    @Test
    void failsWithTheErrorsWhenNoLargerTierIsConfigured() {
        CallMeter meter = new CallMeter(System.nanoTime());
        assertThatThrownBy(() -> call.call(List.of(scripted(meter, "small", mini, "{\"greeting\":\"hi\",\"count\":0}")),
                TestSpecs.json("{}"), Greeting.class, StructuredCallTest::validate))
                .isInstanceOf(ModelException.class).hasMessageContaining("count must be positive").hasMessageContaining("escalation:");
        assertThat(meter.calls()).hasSize(2);
    }

    @Test
    void truncatedAnswerIsRepaired() {
        CallMeter meter = new CallMeter(System.nanoTime());
        int[] n = {0};
        ModelClient c = r -> n[0]++ == 0 ? new ChatResponse("{\"greeting\":\"h", TokenUsage.NONE, "m", "length")
                : new ChatResponse("{\"greeting\":\"h\",\"count\":1}", TokenUsage.NONE, "m", "stop");
        assertThat(call.call(List.of(c), TestSpecs.json("{}"), Greeting.class, StructuredCallTest::validate).count()).isEqualTo(1);
        assertThat(repairPrompts.get(0)).contains("cut off");
    }
}
