package ai.atelier.telemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;

import ai.atelier.workflow.WorkflowDefinition;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The span tree and metrics of a {@code personas} site on the built-in engine, through the real SDK
 * with in-memory exporters: workflow span → one agent span per step → the steps' (recorded) model
 * calls and retrieval, QA's checks as events, usage and cost on every level; no message content
 * unless opted in.
 */
class PersonasTraceTest {
    @TempDir
    Path tmp;

    ai.atelier.SiteResult generate(Telemetry telemetry, Path out) {
        try (Atelier atelier = Atelier.builder().quality(QualityConfig.defaults().withBrowser(false)).telemetry(telemetry)
                .company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            Profile p = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
            return atelier.generate(new ai.atelier.SiteJob(p, "personas", ai.atelier.SiteJob.Options.in(out), "priya-personas-test"), RunListener.NONE);
        }
    }

    @Test
    void personasSiteIsAWorkflowSpanOverAgentSpansOverModelCalls() {
        try (InMemoryTelemetry mem = new InMemoryTelemetry(false)) {
            ai.atelier.SiteResult r = generate(mem.telemetry, tmp.resolve("site"));

            SpanData site = mem.one("invoke_workflow personas");
            assertThat(site.getParentSpanContext().isValid()).isFalse();
            assertThat(site.getKind()).isEqualTo(SpanKind.INTERNAL);
            assertThat(site.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("invoke_workflow");
            assertThat(site.getAttributes().get(stringKey("gen_ai.workflow.name"))).isEqualTo("personas");
            assertThat(site.getAttributes().get(stringKey("atelier.site.id"))).isEqualTo("priya-personas-test");
            assertThat(site.getAttributes().get(stringKey("atelier.site.status"))).isEqualTo(r.report().status());
            assertThat(site.getAttributes().get(longKey("atelier.quality.score"))).isEqualTo((long) r.report().quality().score());
            assertThat(site.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(r.report().totals().inputTokens());
            assertThat(site.getAttributes().get(booleanKey("atelier.tokens.estimated"))).isTrue();

            List<SpanData> agents = mem.childrenOf(site);
            assertThat(agents).extracting(SpanData::getName).containsExactlyInAnyOrder(
                    "invoke_agent personalizer", "invoke_agent artist", "invoke_agent frontend-developer", "invoke_agent qa");
            for (SpanData agent : agents) {
                var step = r.report().steps().stream().filter(s -> s.persona().equals(agent.getAttributes().get(stringKey("gen_ai.agent.name"))))
                        .findFirst().orElseThrow();
                assertThat(agent.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("invoke_agent");
                assertThat(agent.getAttributes().get(stringKey("atelier.step.id"))).isEqualTo(step.id());
                assertThat(agent.getAttributes().get(stringKey("atelier.step.status"))).isEqualTo("ok");
                assertThat(agent.getAttributes().get(longKey("atelier.step.attempts"))).isEqualTo((long) step.attempts());
                assertThat(agent.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(step.inputTokens());
                assertThat(agent.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(step.outputTokens());
                assertThat(agent.getAttributes().get(doubleKey("atelier.cost.usd"))).isEqualTo(step.costUsd());
                assertThat(agent.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
                // every call the step recorded is a chat span under it, at the time it happened
                List<SpanData> chats = mem.childrenOf(agent).stream().filter(s -> s.getName().startsWith("chat ")).toList();
                assertThat(chats).hasSize(step.calls().size());
                for (SpanData chat : chats) {
                    assertThat(chat.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("chat");
                    assertThat(chat.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("builtin");
                    assertThat(chat.getAttributes().get(stringKey("gen_ai.request.model"))).isEqualTo("builtin");
                    assertThat(chat.getAttributes().get(booleanKey("atelier.tokens.estimated"))).isTrue();
                    assertThat(chat.getAttributes().get(doubleKey("atelier.cost.usd"))).isEqualTo(0.0);
                    assertThat(chat.getStartEpochNanos()).isBetween(agent.getStartEpochNanos() - 2_000_000, agent.getEndEpochNanos() + 2_000_000);
                }
                assertThat(chats.stream().mapToLong(c -> c.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).sum())
                        .isEqualTo(step.inputTokens());
            }
            SpanData artist = mem.one("invoke_agent artist");
            assertThat(mem.childrenOf(artist)).hasSizeGreaterThanOrEqualTo(2); // one call per visual element

            // retrieval: a child of the personalizer's step, which searched the knowledge
            SpanData personalizer = mem.one("invoke_agent personalizer");
            List<SpanData> retrievals = mem.named("retrieval ");
            assertThat(retrievals).isNotEmpty().allSatisfy(s -> {
                assertThat(s.getParentSpanId()).isEqualTo(personalizer.getSpanId());
                assertThat(s.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("retrieval");
                assertThat(s.getAttributes().get(stringKey("gen_ai.data_source.id"))).isNotBlank();
                assertThat(s.getAttributes().get(longKey("atelier.retrieval.results"))).isNotNull();
            });

            // QA: one event per check with its result
            SpanData qa = mem.one("invoke_agent qa");
            List<EventData> checks = qa.getEvents().stream().filter(e -> e.getName().equals("atelier.qa.check")).toList();
            assertThat(checks).hasSize(r.report().quality().checks().size());
            Set<String> names = checks.stream().map(e -> e.getAttributes().get(stringKey("atelier.qa.check"))).collect(Collectors.toSet());
            assertThat(names).containsAll(r.report().quality().checks().stream().map(c -> c.name()).toList());
            assertThat(checks).allSatisfy(e -> assertThat(e.getAttributes().get(booleanKey("atelier.qa.passed"))).isNotNull());

            // one trace for the whole site
            assertThat(mem.finished()).extracting(SpanData::getTraceId).containsOnly(site.getTraceId());
            // no message content or visitor data by default
            assertThat(mem.finished()).allSatisfy(s -> {
                assertThat(s.getAttributes().asMap().keySet()).extracting(k -> k.getKey())
                        .doesNotContain("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.retrieval.query.text", "gen_ai.system_instructions");
                assertThat(s.getAttributes().toString()).doesNotContain("Priya").doesNotContain("Raman");
            });

            // metrics: the conventions' histograms with their advised buckets, and the site-outcome counter
            MetricData tokens = mem.metric("gen_ai.client.token.usage").orElseThrow();
            assertThat(tokens.getUnit()).isEqualTo("{token}");
            HistogramPointData point = tokens.getHistogramData().getPoints().iterator().next();
            assertThat(point.getBoundaries()).containsExactly(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0,
                    1048576.0, 4194304.0, 16777216.0, 67108864.0);
            assertThat(tokens.getHistogramData().getPoints()).extracting(p -> p.getAttributes().get(stringKey("gen_ai.token.type")))
                    .contains("input", "output");
            long inputSum = tokens.getHistogramData().getPoints().stream()
                    .filter(p -> "input".equals(p.getAttributes().get(stringKey("gen_ai.token.type")))).mapToLong(p -> (long) p.getSum()).sum();
            assertThat(inputSum).isEqualTo(r.report().totals().inputTokens());
            MetricData duration = mem.metric("gen_ai.client.operation.duration").orElseThrow();
            assertThat(duration.getUnit()).isEqualTo("s");
            assertThat(duration.getHistogramData().getPoints().iterator().next().getBoundaries()).startsWith(0.01, 0.02, 0.04).endsWith(81.92);
            MetricData outcomes = mem.metric("atelier.site.outcomes").orElseThrow();
            assertThat(outcomes.getLongSumData().getPoints()).singleElement().satisfies(p -> {
                assertThat(p.getValue()).isEqualTo(1);
                assertThat(p.getAttributes().get(stringKey("atelier.site.status"))).isEqualTo(r.report().status());
                assertThat(p.getAttributes().get(stringKey("gen_ai.workflow.name"))).isEqualTo("personas");
            });
        }
    }

    @Test
    void contentIsRecordedOnlyWhenOptedIn() {
        try (InMemoryTelemetry mem = new InMemoryTelemetry(true)) {
            generate(mem.telemetry, tmp.resolve("capture"));
            assertThat(mem.named("retrieval ")).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.getAttributes().get(stringKey("gen_ai.retrieval.query.text"))).isNotBlank());
        }
    }

    @Test
    void offEmitsNothingAndTheSiteIsTheSame() {
        ai.atelier.SiteResult r = generate(Telemetry.off(), tmp.resolve("off"));
        assertThat(Telemetry.off().enabled()).isFalse();
        assertThat(r.report().steps()).hasSize(4);
        assertThat(Telemetry.off().chatSpans(null)).isNull();
    }
}
