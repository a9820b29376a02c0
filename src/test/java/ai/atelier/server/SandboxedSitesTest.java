package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.runs.RunStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated sites share the API's host and port, so every file under /sites/ is served with
 * {@code Content-Security-Policy: sandbox allow-scripts …} and never allow-same-origin: the page
 * runs in an opaque origin and a model-written script cannot read /api or script the UI's window.
 * A page that did not pass QA is served only to an explicit {@code ?preview=1}, sandboxed the same.
 */
class SandboxedSitesTest {
    @TempDir
    Path data;

    @Test
    void sitesAreSandboxedAndAFailedPageIsOnlyAPreview() throws Exception {
        try (TestServer s = new TestServer(data)) {
            String id = s.start("retail-sophie-laurent", "personas");
            assertThat(s.awaitFinished(id).path("status").asText()).isEqualTo("done");
            for (String file : new String[] {"", "styles.css"}) {
                HttpResponse<String> r = s.get("/sites/" + id + "/" + file);
                assertThat(r.statusCode()).isEqualTo(200);
                String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
                assertThat(csp).startsWith("sandbox allow-scripts;").doesNotContain("allow-same-origin").doesNotContain("allow-popups")
                        .doesNotContain("allow-top-navigation").contains("connect-src 'none'");
            }
            // the UI itself is not sandboxed (it must call the API)
            assertThat(s.get("/").headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("sandbox");

            // the same run, now failed (as when the quality gate fails): its page is not published
            s.store.markFinished(id, RunStatus.FAILED, System.currentTimeMillis(), 0.0, 0L, 0L, 40, "quality gate failed: contrast", null, null);
            HttpResponse<String> refused = s.get("/sites/" + id + "/");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(TestServer.JSON.readTree(refused.body()).path("error").asText()).contains("did not pass QA").contains("?preview=1");
            assertThat(s.get("/sites/" + id + "/index.html").statusCode()).isEqualTo(403);
            HttpResponse<String> preview = s.get("/sites/" + id + "/?preview=1");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("Sophie");
            assertThat(preview.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox allow-scripts;")
                    .doesNotContain("allow-same-origin");
        }
    }
}
