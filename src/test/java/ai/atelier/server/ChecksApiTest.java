package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/checks} over real HTTP: a page sent inline (text and base64 files) is judged with
 * generate's checks; a defect fails the gate; a client can never name a path on the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksApiTest {
    TestServer s;
    Path site;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        s = new TestServer(data);
        String id = s.start("manufacturing-priya-raman", "personas");
        assertThat(s.awaitFinished(id).path("status").asText()).isEqualTo("done");
        site = s.runs.sitesDir().resolve(id);
    }

    @AfterAll
    void stop() {
        s.close();
    }

    /** The page's index.html and styles.css as text, every asset as base64, as a client would send them. */
    ObjectNode request(String indexHtml) throws Exception {
        ObjectNode body = TestServer.JSON.createObjectNode();
        body.set("profile", TestServer.JSON.readTree(TestServer.example("manufacturing-priya-raman")));
        ObjectNode files = body.putObject("files");
        files.put("index.html", indexHtml);
        files.put("styles.css", Files.readString(site.resolve("styles.css")));
        try (Stream<Path> assets = Files.list(site.resolve("assets"))) {
            for (Path a : assets.toList()) {
                files.putObject("assets/" + a.getFileName()).put("base64", Base64.getEncoder().encodeToString(Files.readAllBytes(a)));
            }
        }
        return body;
    }

    @Test
    void aGoodPageSentInlinePassesWithSubscores() throws Exception {
        HttpResponse<String> r = s.post("/api/checks", request(Files.readString(site.resolve("index.html"))).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode q = TestServer.JSON.readTree(r.body());
        assertThat(q.path("passed").asBoolean()).as(r.body()).isTrue();
        assertThat(q.path("subscores").findValuesAsText("name")).contains("technical", "policy", "personalization", "grounding");
        assertThat(q.path("checks").size()).isGreaterThan(10);
    }

    @Test
    void aPageWithAnExternalScriptFailsTheGate() throws Exception {
        String html = Files.readString(site.resolve("index.html"))
                .replace("</body>", "<script src=\"https://cdn.evil.example/x.js\"></script></body>");
        HttpResponse<String> r = s.post("/api/checks", request(html).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode q = TestServer.JSON.readTree(r.body());
        assertThat(q.path("passed").asBoolean()).isFalse();
        assertThat(r.body()).contains("cdn.evil.example");
    }

    @Test
    void aFileNameThatLeavesTheFolderIsRefused() throws Exception {
        ObjectNode body = request(Files.readString(site.resolve("index.html")));
        ((ObjectNode) body.get("files")).put("../escape.html", "<p>x</p>");
        HttpResponse<String> r = s.post("/api/checks", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void aBodyWithoutFilesIsABadRequestThatSaysWhatIsMissing() throws Exception {
        HttpResponse<String> r = s.post("/api/checks", "{\"profile\": " + TestServer.example("manufacturing-priya-raman") + "}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("files");
    }
}
