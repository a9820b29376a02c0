package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.atelier.AtelierException;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.TokenUsage;
import ai.atelier.workflow.StepSpan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
    private static StepSpan span(String role, ModelCall... calls) {
        return new StepSpan(role, role, role, "builtin", StepSpan.OK, 0, 10, 0, 0, true, 0.0, 1, null, List.of(calls), 0, 0, null);
    }

    private static ModelCall builtin(String role, long in, long out) {
        return ModelCall.builder(role, "builtin", "builtin").purpose("x").timed(0, 1).usage(new TokenUsage(in, out, 0, true)).build();
    }

    @Test
    void builtInCallsArePricedOnTheReferenceBindings() {
        CostEstimator e = CostEstimator.reference();
        // gpt-4o-mini: 0.15 in, 0.60 out per 1M tokens
        assertThat(e.estimate(span("personalizer", builtin("personalizer", 1000, 500)))).isCloseTo(0.00045, within(1e-12));
        // single-llm on gpt-4o: 2.50 in, 10.00 out per 1M tokens
        assertThat(e.estimate(span("single-llm", builtin("single-llm", 1000, 500)))).isCloseTo(0.0075, within(1e-12));
        // two calls add up; a step without calls costs nothing
        assertThat(e.estimate(span("artist", builtin("artist", 100, 1000), builtin("artist", 100, 1000)))).isCloseTo(2 * (15e-6 + 600e-6), within(1e-12));
        assertThat(e.estimate(span("qa"))).isEqualTo(0.0);
        assertThat(e.basis()).startsWith("estimate");
    }

    @Test
    void realCallsKeepTheirMeasuredCostAndImageModelsPricePerImage() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                name: mine
                models:
                  writer: {catalog: nova-micro}
                roles:
                  personalizer: writer
                  artist: {model: titan-image-v2}
                """);
        CostEstimator e = new CostEstimator(RoleBindings.parse("test", yaml, ModelCatalog.bundled()));
        ModelCall real = ModelCall.builder("personalizer", "gpt-4o", "openai").purpose("x").timed(0, 1).usage(new TokenUsage(10, 10, 0, false)).costUsd(0.123).build();
        assertThat(e.estimate(span("personalizer", real))).isEqualTo(0.123);
        // nova-micro: 0.035 in, 0.14 out
        assertThat(e.estimate(span("personalizer", builtin("personalizer", 1_000_000, 0)))).isCloseTo(0.035, within(1e-12));
        assertThat(e.estimate(span("artist", builtin("artist", 50, 5000), builtin("artist", 50, 5000)))).isCloseTo(0.02, within(1e-12));
        // a role nothing binds (no default) has no estimate
        assertThat(e.estimate(span("reviewer", builtin("reviewer", 10, 10)))).isNull();
    }

    @Test
    void inProcessGgufModelsAreSelfHostedZeroOrUnknownUntilMeasured() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                models:
                  local: {provider: llamacpp-embedded, model: models/qwen2.5-3b-instruct-q4_k_m.gguf}
                  costed: {provider: llamacpp-embedded, model: models/qwen2.5-3b-instruct-q4_k_m.gguf, machineCostPerHour: 0.10}
                roles:
                  personalizer: local
                  frontend-developer: costed
                """);
        RoleBindings b = RoleBindings.parse("test", yaml, ModelCatalog.bundled());
        assertThat(b.modelFor("personalizer").orElseThrow().selfHosted()).isTrue();
        CostEstimator e = new CostEstimator(b);
        assertThat(e.estimate(span("personalizer", builtin("personalizer", 1000, 500)))).isEqualTo(0.0);
        // the machine cost only turns into a price per token once a run measures throughput
        assertThat(e.estimate(span("frontend-developer", builtin("frontend-developer", 1000, 500)))).isNull();
    }

    @Test
    void aBindingToAnUnknownModelIsRefused() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory()).readTree("roles: {personalizer: no-such-model}");
        assertThatThrownBy(() -> RoleBindings.parse("cfg.yaml", yaml, ModelCatalog.bundled()))
                .isInstanceOf(AtelierException.class).hasMessageContaining("no-such-model").hasMessageContaining("catalog");
    }
}
