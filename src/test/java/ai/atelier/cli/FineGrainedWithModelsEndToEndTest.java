package ai.atelier.cli;

import static ai.atelier.cli.GenerateWithModelsEndToEndTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.atelier.cli.PersonaModelServer.Served;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier generate --workflow fine-grained} and {@code atelier compare} with every role bound
 * to a local OpenAI-compatible server speaking the real Chat Completions and Images formats: each
 * fine-grained persona asks with its answer record's schema as native structured output, its
 * tokens and costs in the report equal the server's usage times the catalog prices, a malformed
 * answer gets a repair round and an answer that fails validation twice escalates, all in the trace.
 */
class FineGrainedWithModelsEndToEndTest {
    /** Step id → the persona the server saw for it. */
    static final Map<String, String> STEPS = Map.of("pain-points", "pain-point-analyst", "offerings", "offering-matcher",
            "copy-pain-points", "copywriter-pain-points", "copy-offerings", "copywriter-offerings", "copy-hero", "copywriter-hero",
            "art-director", "art-director", "layout", "developer", "reviewer", "reviewer");
    static final double IMAGE_USD = 0.04; // dall-e-3, 1024x1024 standard

    @TempDir
    Path tmp;
    MockWebServer server;
    PersonaModelServer models;

    @BeforeEach
    void start() throws Exception {
        models = new PersonaModelServer();
        server = new MockWebServer();
        server.setDispatcher(models);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Binds every role of the personas and fine-grained workflows to the local server; the art director may escalate. */
    Path config() throws Exception {
        String base = server.url("/v1").toString();
        Path c = tmp.resolve("atelier.yaml");
        Files.writeString(c, """
                models:
                  small:   {provider: openai, model: gpt-4o-mini, baseUrl: "%1$s", catalog: gpt-4o-mini}
                  large:   {provider: openai, model: gpt-4o, baseUrl: "%1$s", catalog: gpt-4o}
                  painter: {provider: openai, model: dall-e-3, baseUrl: "%1$s", catalog: dall-e-3}
                roles:
                  pain-point-analyst: small
                  offering-matcher: small
                  copywriter-pain-points: small
                  copywriter-offerings: small
                  copywriter-hero: small
                  art-director: small
                  artist: painter
                  layout-developer: small
                  reviewer: small
                  personalizer: small
                  frontend-developer: small
                escalation:
                  art-director: [large]
                budget:
                  perSiteUsd: 1.00
                """.formatted(base));
        return c;
    }

    JsonNode generate(String profile, Path out) throws Exception {
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/" + profile, "--company", "examples/company",
                "--workflow", "fine-grained", "--config", config().toString(), "--out", out.toString());
        JsonNode report = PersonaModelServer.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(models.failures).as("the mock server could not answer").isEmpty();
        assertThat(code).as(report.toPrettyString()).isZero();
        return report;
    }

    @Test
    void everyFineGrainedStepRunsOnTheModelAndIsPricedFromTheServersUsage() throws Exception {
        Path out = tmp.resolve("site");
        JsonNode report = generate("manufacturing-priya-raman.json", out);

        assertThat(report.path("workflow").asText()).isEqualTo("fine-grained");
        assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
        assertThat(report.path("tokenSource").asText()).isEqualTo("provider usage");
        assertThat(report.path("totals").path("stepCount").asInt()).isEqualTo(10);
        assertThat(report.path("totals").path("modelSteps").asInt()).isEqualTo(9);
        assertThat(report.path("totals").path("carriedTokens").asLong()).isPositive();

        double total = 0;
        long in = 0, outTokens = 0;
        for (var e : STEPS.entrySet()) {
            JsonNode s = step(report, e.getKey());
            List<Served> served = models.served(e.getValue());
            assertThat(served).as(e.getKey()).hasSize(1);
            assertThat(s.path("status").asText()).as(e.getKey()).isEqualTo("ok");
            assertThat(s.path("model").asText()).as(e.getKey()).isEqualTo("small");
            assertThat(s.path("inputTokens").asLong()).as(e.getKey()).isEqualTo(served.get(0).inputTokens());
            assertThat(s.path("outputTokens").asLong()).as(e.getKey()).isEqualTo(served.get(0).outputTokens());
            assertThat(s.path("costUsd").asDouble()).as(e.getKey()).isCloseTo(PersonaModelServer.cost(served.get(0)), within(1e-12));
            total += PersonaModelServer.cost(served.get(0));
            in += served.get(0).inputTokens();
            outTokens += served.get(0).outputTokens();
        }
        // e.g. the analyst: 1000 in × $0.15 + 200 out × $0.60 per 1M tokens
        assertThat(step(report, "pain-points").path("costUsd").asDouble()).isCloseTo(0.00027, within(1e-12));
        JsonNode artist = step(report, "artist");
        assertThat(artist.path("calls")).hasSize(models.imagesServed());
        assertThat(artist.path("costUsd").asDouble()).isCloseTo(models.imagesServed() * IMAGE_USD, within(1e-9));
        total += models.imagesServed() * IMAGE_USD;
        assertThat(report.path("totals").path("costUsd").asDouble()).isCloseTo(total, within(1e-9));
        assertThat(report.path("totals").path("inputTokens").asLong()).isEqualTo(in);
        assertThat(report.path("totals").path("outputTokens").asLong()).isEqualTo(outTokens);
        // every role on a model: no call was estimated, so there is no estimate to show; each call says whose count it is
        assertThat(report.path("totals").path("estimatedCostUsd").isNull()).isTrue();
        assertThat(report.path("tokenSource").asText()).isEqualTo("provider usage");
        assertThat(step(report, "pain-points").path("calls").get(0).path("tokenSource").asText()).isEqualTo("provider");
        assertThat(artist.path("calls").get(0).path("tokenSource").asText()).isEqualTo("none"); // priced per image
        assertThat(step(report, "pain-points").path("carriedTokens").asLong()).isZero();
        assertThat(step(report, "reviewer").path("carriedTokens").asLong()).isPositive();

        // native structured output: the analyst's answer record as an OpenAI json_schema response format
        JsonNode format = models.served("pain-point-analyst").get(0).request().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("schema").path("properties").path("painPoints").path("items")
                .path("properties").has("chunkId")).isTrue();
        assertThat(models.served("art-director").get(0).request().path("response_format").path("json_schema").path("schema")
                .path("properties").path("icons").path("minItems").asInt(-1)).isEqualTo(models.served("art-director").get(0).request()
                .path("response_format").path("json_schema").path("schema").path("properties").path("icons").path("maxItems").asInt(-2));

        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Fewer surprises ahead, Priya").contains("assets/hero.png");
        assertThat(Files.readString(out.resolve("report.json"))).doesNotContain("Bearer");
    }

    @Test
    void aMalformedAnswerGetsARepairRoundShowingTheError() throws Exception {
        models.malformedFirstAnswer("offering-matcher");
        JsonNode report = generate("manufacturing-tomas-lindqvist.json", tmp.resolve("repair"));

        List<Served> served = models.served("offering-matcher");
        assertThat(served).hasSize(2);
        String repairPrompt = served.get(1).request().path("messages").get(1).path("content").asText();
        assertThat(repairPrompt).contains("rejected by validation").contains("the answer is not one JSON object")
                .contains("Sure! Here is what I picked");
        assertThat(served.get(1).request().path("response_format").path("type").asText()).isEqualTo("json_schema");

        JsonNode offerings = step(report, "offerings");
        assertThat(offerings.path("status").asText()).isEqualTo("ok");
        assertThat(purposes(offerings)).containsExactly("match offerings@1", "match offerings (repair)@2");
        assertThat(offerings.path("attempts").asInt()).isEqualTo(2);
        assertThat(offerings.path("inputTokens").asLong()).isEqualTo(served.get(0).inputTokens() + served.get(1).inputTokens());
        assertThat(offerings.path("costUsd").asDouble()).isCloseTo(PersonaModelServer.cost(served.get(0)) + PersonaModelServer.cost(served.get(1)), within(1e-12));
        // the repair round sends the carried pain points again, so they count twice
        String first = served.get(0).request().path("messages").get(1).path("content").asText();
        String open = "<pain-points from=\"pain-point analyst\">\n";
        String carried = first.substring(first.indexOf(open) + open.length(), first.indexOf("\n</pain-points>"));
        assertThat(offerings.path("carriedTokens").asLong()).isPositive().isEqualTo(2L * new ai.atelier.model.TokenCounter().count(carried));
    }

    @Test
    void anAnswerThatFailsValidationTwiceEscalatesToTheNextTier() throws Exception {
        models.invalidOnSmallModel("art-director");
        JsonNode report = generate("manufacturing-priya-raman.json", tmp.resolve("escalate"));

        List<Served> served = models.served("art-director");
        assertThat(served).extracting(Served::model).containsExactly("gpt-4o-mini", "gpt-4o-mini", "gpt-4o");
        assertThat(served.get(1).request().path("messages").get(1).path("content").asText()).contains("hero: is missing");

        JsonNode art = step(report, "art-director");
        assertThat(art.path("status").asText()).isEqualTo("ok");
        assertThat(purposes(art)).containsExactly("visual plan@1", "visual plan (repair)@2", "visual plan (escalated)@3");
        List<String> callModels = new ArrayList<>();
        art.path("calls").forEach(c -> callModels.add(c.path("model").asText()));
        assertThat(callModels).containsExactly("small", "small", "large");
        double cost = served.stream().mapToDouble(PersonaModelServer::cost).sum();
        assertThat(art.path("costUsd").asDouble()).isCloseTo(cost, within(1e-12));
        // the escalated call is priced at gpt-4o's list price: 1507 in × $2.50 + 253 out × $10.00 per 1M tokens
        assertThat(art.path("calls").get(2).path("costUsd").asDouble()).isCloseTo(0.0062975, within(1e-12));
        assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
    }

    @Test
    void withoutAnEscalationModelTheStepFailsSayingHowToFixIt() throws Exception {
        models.invalidOnSmallModel("art-director");
        Path c = config();
        Files.writeString(c, Files.readString(c).replace("escalation:\n  art-director: [large]\n", ""));
        Path out = tmp.resolve("no-escalation");
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company", "examples/company",
                "--workflow", "fine-grained", "--config", c.toString(), "--out", out.toString());
        JsonNode report = PersonaModelServer.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(code).isEqualTo(AtelierCommand.EXIT_SITE_FAILED);
        assertThat(models.served("art-director")).extracting(Served::model).containsExactly("gpt-4o-mini", "gpt-4o-mini");
        JsonNode art = step(report, "art-director");
        assertThat(art.path("status").asText()).isEqualTo("failed");
        assertThat(art.path("calls")).hasSize(2);
        assertThat(report.path("error").asText()).contains("failed validation after a repair round").contains("hero: is missing")
                .contains("add escalation:");
        // the copy written before the failure is kept and was paid for
        assertThat(step(report, "copy-hero").path("status").asText()).isEqualTo("ok");
        assertThat(report.path("totals").path("costUsd").asDouble()).isPositive();
    }

    @Test
    void compareRunsBothWorkflowsOnTheModelsAndReportsMeasuredCosts() throws Exception {
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        for (String p : List.of("manufacturing-priya-raman.json", "manufacturing-tomas-lindqvist.json")) {
            Files.copy(Path.of("examples/profiles", p), profiles.resolve(p));
        }
        Path out = tmp.resolve("cmp");
        PrintStream stdout = System.out, stderr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            code = AtelierCommand.execute("compare", "--profiles", profiles.toString(), "--workflows", "personas,fine-grained",
                    "--company", "examples/company", "--config", config().toString(), "--out", out.toString(), "--parallel", "2");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        JsonNode rep = PersonaModelServer.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(models.failures).isEmpty();
        assertThat(code).as(rep.toPrettyString()).isZero();
        assertThat(rep.get("simulation").isNull()).isTrue();

        double measured = 0;
        for (JsonNode w : rep.get("workflows")) {
            assertThat(w.path("sites").asInt()).isEqualTo(2);
            assertThat(w.path("k").asInt()).isEqualTo(w.path("workflow").asText().equals("fine-grained") ? 9 : 3);
            assertThat(w.path("costUsd").path("mean").asDouble()).as(w.path("workflow").asText()).isPositive();
            // every page passed the gate (exit 0); the graded score keeps what it marked down (e.g. an interest not named)
            assertThat(w.path("qaMin").asDouble()).isBetween(90.0, 100.0);
            measured += w.path("costUsd").path("mean").asDouble() * 2;
        }
        double served = models.served.stream().mapToDouble(PersonaModelServer::cost).sum() + models.imagesServed() * IMAGE_USD;
        assertThat(measured).isCloseTo(served, within(1e-9));
        // the personas workflow's personalizer and the fine-grained analyst both answered, on the server
        assertThat(models.served("personalizer")).hasSize(2);
        assertThat(models.served("pain-point-analyst")).hasSize(2);
        String md = Files.readString(out.resolve("report.md"));
        double sites = 0;
        for (JsonNode s : rep.get("sites")) {
            double cost = s.path("costUsd").asDouble();
            sites += cost;
            // each site's row in report.md shows its measured cost
            assertThat(md).containsPattern("\\| " + s.path("workflow").asText() + " \\| " + s.path("profile").asText() + " \\| ok \\| "
                    + s.path("qaScore").asInt(-1) + " \\| " + String.format(java.util.Locale.ROOT, "%.6f", cost) + " \\|");
        }
        assertThat(sites).isCloseTo(served, within(1e-9));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("fine-grained");
    }

    private static List<String> purposes(JsonNode step) {
        List<String> out = new ArrayList<>();
        step.path("calls").forEach(c -> out.add(c.path("purpose").asText() + "@" + c.path("attempt").asInt()));
        return out;
    }
}
