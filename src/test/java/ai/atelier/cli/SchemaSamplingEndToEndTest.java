package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.SchemaInstances;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property, end to end: a local OpenAI-compatible server that answers every chat request with a
 * random instance of the very schema the request carries (what a model under constrained decoding
 * may write, gibberish included) must get every model-bound step of every workflow through, for
 * every seed. This covers each fine-grained persona's schema as sent on the wire (strict mode,
 * nullable optional fields and all), the core personas', and the code that turns answers into a page.
 */
class SchemaSamplingEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEEDS = 3;
    @TempDir
    Path tmp;

    @Test
    void anyAnswerTheSchemaAllowsGetsEveryModelStepThrough() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int seed = 1; seed <= SEEDS; seed++) {
            SchemaInstances gen = new SchemaInstances(seed, 40);
            try (MockWebServer server = WireServer.start(r -> {
                JsonNode body = JSON.readTree(r.getBody().utf8());
                JsonNode schema = body.path("response_format").path("json_schema").path("schema");
                String answer;
                synchronized (gen) {
                    answer = gen.instance(schema).toString();
                }
                var reply = JSON.createObjectNode().put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "sampler");
                reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                        .putObject("message").put("role", "assistant").put("content", answer);
                long prompt = 16;
                for (JsonNode m : body.path("messages")) prompt += ai.atelier.model.TokenCounter.countWhole(m.path("content").asText());
                long completion = ai.atelier.model.TokenCounter.countWhole(answer);
                reply.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion).put("total_tokens", prompt + completion);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(reply.toString()).build();
            })) {
                Path config = ai.atelier.interop.InteropConfigs.allTextRoles(tmp.resolve("cfg" + seed), server.url("/v1").toString(), 2048);
                for (String workflow : List.of("fine-grained", "personas", "single-llm")) {
                    Path out = tmp.resolve(workflow + "-" + seed);
                    AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company",
                            "examples/company", "--workflow", workflow, "--config", config.toString(), "--out", out.toString(), "--no-browser");
                    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
                    for (JsonNode s : report.path("steps")) {
                        String id = s.path("id").asText();
                        if (!id.equals("qa") && !s.path("status").asText().equals("ok")) {
                            failures.add(workflow + " seed " + seed + " step " + id + ": " + report.path("error").asText());
                        }
                    }
                    if (!Files.exists(out.resolve("index.html"))) failures.add(workflow + " seed " + seed + ": no page");
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
