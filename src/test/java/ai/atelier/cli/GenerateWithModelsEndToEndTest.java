package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier generate --config} with every role bound to a local OpenAI-compatible server (a
 * MockWebServer answering per persona in the real Chat Completions and Images formats): the report's
 * tokens and costs must equal the server's usage fields times the catalog prices.
 */
public class GenerateWithModelsEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final String DISCLAIMER = "Results vary by organisation; figures quoted are from client engagements and industry surveys, not a promise of future outcomes.";

    @TempDir
    Path tmp;
    MockWebServer server;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<Long> usages = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = WireServer.start(this::answer);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    MockResponse answer(RecordedRequest r) throws Exception {
        JsonNode body = JSON.readTree(r.getBody().utf8());
        if (r.getUrl().encodedPath().endsWith("/images/generations")) {
            hits.computeIfAbsent("image", k -> new AtomicInteger()).incrementAndGet();
            return ok("{\"created\":1732000000,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(PNG) + "\"}]}");
        }
        String system = body.path("messages").get(0).path("content").asText();
        String persona = system.startsWith("You are the Personalizer") ? "personalizer"
                : system.startsWith("You are the Front-end Developer") ? "developer" : "single";
        hits.computeIfAbsent(persona, k -> new AtomicInteger()).incrementAndGet();
        // The personalizer's usage: 3000 in (1000 cached) / 800 out; the developer's: 2500 in / 700 out.
        int in = persona.equals("personalizer") ? 3000 : 2500, out = persona.equals("personalizer") ? 800 : 700, cached = persona.equals("personalizer") ? 1000 : 0;
        String user = body.path("messages").get(1).path("content").asText();
        String content = persona.equals("single") ? JSON.writeValueAsString(Map.of("spec", JSON.readTree(spec())))
                : persona.equals("developer") && user.contains("{\"files\":") ? code() : spec();
        ObjectNode resp = JSON.createObjectNode();
        resp.put("id", "chatcmpl-" + persona).put("object", "chat.completion").put("created", 1732000000).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = resp.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        ObjectNode u = resp.putObject("usage");
        u.put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        u.putObject("prompt_tokens_details").put("cached_tokens", cached);
        return ok(resp.toString());
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static String spec() {
        return """
                {"title":"Priya, predictable castings with less downtime","headline":"Fewer surprises on the foundry floor, Priya",
                 "intro":"Raman Precision Castings can see failures coming and cut energy waste, using the data you already collect.",
                 "sections":[
                   {"id":"challenges","kind":"PAIN_POINTS","heading":"What slows a foundry down","body":"Three problems we see in plants like yours.",
                    "items":[{"title":"Unplanned downtime","text":"Furnace and pump failures stop the line without warning.","visual":"pain-1","ref":null,"points":[]},
                             {"title":"Energy costs","text":"Melting is the largest energy cost in a foundry.","visual":"pain-2","ref":null,"points":[]}],
                    "sources":["research/manufacturing-predictive-maintenance.md#1"]},
                   {"id":"offerings","kind":"OFFERINGS","heading":"How we help","body":"Start small and measure.",
                    "items":[{"title":"Predictive maintenance","text":"Models that flag failing equipment early.","visual":null,"ref":"predictive-maintenance","points":["Sensor data you already have"]}],
                    "sources":["research/manufacturing-energy-costs.md#1"]}],
                 "callToAction":{"label":"Book a one-hour call","text":"A two-week look at your data, with a written report.","href":"https://www.lanternfold.example"},
                 "disclaimer":"%s",
                 "visualElements":[
                   {"id":"hero","label":"Illustration of a foundry with sensors","description":"A calm foundry floor with sensor icons","kind":"HERO"},
                   {"id":"pain-1","label":"Icon: downtime","description":"A stopped gear","kind":"ICON"},
                   {"id":"pain-2","label":"Icon: energy","description":"A lightning bolt","kind":"ICON"}]}""".formatted(DISCLAIMER);
    }

    /** A hand-written page, as a code-mode developer would return it. */
    static String code() throws Exception {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Priya, predictable castings</title><link rel="stylesheet" href="styles.css"></head>
                <body><a class="skip" href="#main">Skip to content</a>
                <header><nav aria-label="Main"><a href="#offerings">How we help</a></nav></header>
                <main id="main"><h1>Fewer surprises on the foundry floor, Priya</h1>
                <img src="assets/hero.png" alt="Illustration of a foundry with sensors">
                <section id="challenges"><h2>What slows a foundry down</h2>
                <h3>Unplanned downtime</h3><img src="assets/pain-1.png" alt="Icon: downtime"><p>Bearings get replaced on a fixed schedule whether they are worn or not, while a gearbox that is quietly degrading runs until it seizes.</p>
                <h3>Spares just in case</h3><img src="assets/pain-2.png" alt="Icon: energy"><p>Maintenance storerooms hold large stocks of critical spares because lead times are unpredictable, tying up working capital.</p></section>
                <section id="offerings"><h2>How we help</h2><div data-offering="predictive-maintenance"><h3>Predictive maintenance</h3>
                <p>Predictive maintenance for Raman Precision Castings.</p></div></section>
                <p><a href="https://www.lanternfold.example">Book a one-hour call</a></p></main>
                <footer><p>%s</p></footer></body></html>""".formatted(DISCLAIMER);
        String css = "body{font-family:system-ui,sans-serif;color:#1C2430;background:#FAF7F2;margin:0}img{max-width:100%;height:auto}"
                + "a:focus{outline:3px solid #B4462B}@media (prefers-reduced-motion: reduce){*{animation:none;transition:none}}";
        return JSON.writeValueAsString(Map.of("files", List.of(Map.of("path", "index.html", "content", html), Map.of("path", "styles.css", "content", css))));
    }

    Path config() throws Exception {
        String base = server.url("/v1").toString();
        Path c = tmp.resolve("atelier.yaml");
        Files.writeString(c, """
                models:
                  small:
                    provider: openai
                    model: gpt-4o-mini
                    baseUrl: %s
                    catalog: gpt-4o-mini
                  painter:
                    provider: openai
                    model: dall-e-3
                    baseUrl: %s
                    catalog: dall-e-3
                roles:
                  personalizer: small
                  artist: painter
                  frontend-developer: small
                  single-llm: small
                budget:
                  perSiteUsd: 1.00
                """.formatted(base, base));
        return c;
    }

    @Test
    void reportTokensAndCostsEqualServerUsageTimesCatalogPrices() throws Exception {
        Path out = tmp.resolve("site");
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--company", "examples/company", "--config", config().toString(), "--out", out.toString());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(code).as(report.toPrettyString()).isZero();
        assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
        assertThat(report.path("tokenSource").asText()).isEqualTo("provider usage");

        JsonNode personalizer = step(report, "personalizer");
        assertThat(personalizer.path("status").asText()).isEqualTo("ok");
        assertThat(personalizer.path("model").asText()).isEqualTo("small");
        assertThat(personalizer.path("inputTokens").asLong()).isEqualTo(3000);
        assertThat(personalizer.path("outputTokens").asLong()).isEqualTo(800);
        // 2000 fresh * $0.15 + 1000 cached * $0.075 + 800 * $0.60, per 1M tokens
        assertThat(personalizer.path("costUsd").asDouble()).isEqualTo(0.000855);

        JsonNode developer = step(report, "developer");
        assertThat(developer.path("status").asText()).isEqualTo("ok");
        assertThat(developer.path("inputTokens").asLong()).isEqualTo(2500);
        assertThat(developer.path("costUsd").asDouble()).isEqualTo(0.000795);

        JsonNode artist = step(report, "artist");
        assertThat(artist.path("status").asText()).isEqualTo("ok");
        assertThat(artist.path("calls")).hasSize(3);
        assertThat(artist.path("costUsd").asDouble()).isEqualTo(0.12); // 3 images * $0.04 (1024x1024 standard)
        assertThat(hits.get("image").get()).isEqualTo(3);

        assertThat(report.path("totals").path("costUsd").asDouble()).isCloseTo(0.000855 + 0.000795 + 0.12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.path("costByRole").path("personalizer").asDouble()).isEqualTo(0.000855);
        assertThat(report.path("costByRole").path("frontend-developer").asDouble()).isEqualTo(0.000795);
        assertThat(report.path("costByRole").path("artist").asDouble()).isEqualTo(0.12);
        assertThat(report.path("totals").path("inputTokens").asLong()).isEqualTo(5500);
        assertThat(report.path("totals").path("outputTokens").asLong()).isEqualTo(1500);
        assertThat(Files.readAllBytes(out.resolve("assets/hero.png"))).isEqualTo(PNG);
        assertThat(Files.readString(out.resolve("index.html"))).contains("assets/hero.png").contains("Fewer surprises on the foundry floor, Priya");
        assertThat(Files.readString(out.resolve("report.json"))).doesNotContain("apiKey").doesNotContain("Bearer");
    }

    @Test
    void singleLlmWorkflowOnAModelIsOneMeteredCall() throws Exception {
        Path out = tmp.resolve("single");
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--company", "examples/company", "--workflow", "single-llm", "--config", config().toString(), "--out", out.toString());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(code).as(report.toPrettyString()).isIn(0, 1);
        JsonNode site = step(report, "site");
        assertThat(site.path("status").asText()).isEqualTo("ok");
        assertThat(site.path("calls")).hasSize(1);
        assertThat(site.path("inputTokens").asLong()).isEqualTo(2500);
        assertThat(site.path("costUsd").asDouble()).isEqualTo(0.000795);
        assertThat(Files.exists(out.resolve("assets/hero.svg"))).isTrue();
    }

    @Test
    void budgetStopsFurtherCallsAndKeepsFinishedWork() throws Exception {
        Path c = config();
        Files.writeString(c, Files.readString(c).replace("perSiteUsd: 1.00", "perSiteUsd: 0.0005"));
        Path out = tmp.resolve("budget");
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                    "--company", "examples/company", "--config", c.toString(), "--out", out.toString());
        } finally {
            System.setOut(stdout);
        }
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(code).isEqualTo(1);
        // the developer never ran, so there is no page: the summary names the folder and report.json, not a missing index.html
        assertThat(out.resolve("index.html")).doesNotExist();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Site FAILED: " + out + " (no page was written)")
                .contains("Report: " + out.resolve("report.json")).doesNotContain("index.html");
        assertThat(step(report, "personalizer").path("status").asText()).isEqualTo("ok");
        assertThat(report.path("error").asText()).contains("budget").contains("budget.perSiteUsd");
        assertThat(Files.exists(out.resolve("spec.json"))).isTrue();
    }

    @Test
    void codeModeDeveloperWritesThePageWhichPassesTheSameQa() throws Exception {
        Path c = config();
        Files.writeString(c, Files.readString(c) + "developer:\n  mode: code\n");
        Path out = tmp.resolve("code");
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--company", "examples/company", "--config", c.toString(), "--out", out.toString());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(step(report, "developer").path("status").asText()).as(report.toPrettyString()).isEqualTo("ok");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Book a one-hour call").contains("Content-Security-Policy");
        assertThat(report.path("quality").path("checks").toString()).contains("no-external-loads");
        assertThat(code).as(report.path("quality").toPrettyString()).isZero();
    }

    static JsonNode step(JsonNode report, String id) {
        for (JsonNode s : report.path("steps")) if (s.path("id").asText().equals(id)) return s;
        throw new AssertionError("no step " + id + " in " + report);
    }
}
