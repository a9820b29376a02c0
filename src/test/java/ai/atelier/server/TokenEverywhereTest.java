package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With ATELIER_API_TOKEN set, every route but /api/health and the UI's own files needs it: the run
 * list, a run (the visitor's whole profile), its event stream and its site. Before the fix only
 * POST was guarded. EventSource and the site iframe cannot send headers, so POST /api/session
 * turns the header into an HttpOnly SameSite=Strict cookie that those requests carry.
 */
class TokenEverywhereTest {
    @TempDir
    Path data;

    @Test
    void everyRouteButHealthAndTheUiNeedsTheToken() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1).withApiToken("t0ken with; odd=chars");
        try (TestServer s = new TestServer(data, new ai.atelier.site.builtin.BuiltinEngines(), ai.atelier.runs.RunDatabase.h2In(data), settings,
                new ai.atelier.runs.RunService.Limits(2, 5))) {
            String bearer = "Bearer t0ken with; odd=chars";
            HttpResponse<String> started = s.post("/api/sites", TestServer.siteRequest(TestServer.example("retail-sophie-laurent"), "personas"),
                    "Authorization", bearer);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String id = TestServer.JSON.readTree(started.body()).path("id").asText();

            for (String open : List.of("/", "/ui/app.js", "/ui/app.css", "/api/health")) {
                assertThat(s.get(open).statusCode()).as(open).isEqualTo(200);
            }
            List<String> guarded = List.of("/api/runs", "/api/sites/" + id, "/api/examples", "/api/workflows", "/api/openapi.json",
                    "/sites/" + id + "/", "/sites/" + id + "/styles.css");
            for (String path : guarded) {
                HttpResponse<String> r = s.get(path);
                assertThat(r.statusCode()).as("%s without the token", path).isEqualTo(401);
                assertThat(r.body()).doesNotContain("Sophie");
                assertThat(s.get(path, "Authorization", "Bearer wrong").statusCode()).as("%s with a wrong token", path).isEqualTo(401);
            }
            assertThat(s.get("/api/sites/" + id + "/events", "Accept", "text/event-stream").statusCode()).isEqualTo(401);

            JsonAssert.run(s, id, bearer);
            assertThat(s.get("/api/sites/" + id, "Authorization", bearer).body()).contains("Sophie");

            // the keyed site link: a sandboxed page's own files load without the cookie its opaque origin does not send
            String site = TestServer.JSON.readTree(s.get("/api/sites/" + id, "Authorization", bearer).body()).path("links").path("site").asText();
            assertThat(site).matches("/sites/" + id + "/~[A-Za-z0-9_-]{43}/");
            assertThat(s.get(site).statusCode()).as("the keyed page, no token").isEqualTo(200);
            assertThat(s.get(site).body()).contains("Sophie");
            HttpResponse<String> css = s.get(site + "styles.css");
            assertThat(css.statusCode()).as("the keyed stylesheet, no token").isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
            assertThat(css.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
            String key = site.substring(site.indexOf("/~") + 2, site.length() - 1);
            char last = key.charAt(key.length() - 1);
            String tampered = "/sites/" + id + "/~" + key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A') + "/";
            assertThat(s.get(tampered).statusCode()).as("a wrong key").isEqualTo(401);
            assertThat(s.get(tampered + "styles.css").statusCode()).as("a wrong key").isEqualTo(401);
            // the key opens this one site and nothing else: not another run's, not the API
            HttpResponse<String> other = s.post("/api/sites", TestServer.siteRequest(TestServer.example("retail-sophie-laurent"), "personas"),
                    "Authorization", bearer);
            String otherId = TestServer.JSON.readTree(other.body()).path("id").asText();
            JsonAssert.run(s, otherId, bearer);
            assertThat(s.get("/sites/" + otherId + "/~" + key + "/").statusCode()).as("this key on another run").isEqualTo(401);
            assertThat(s.get(site + "../../../api/runs").statusCode()).isNotEqualTo(200);
            assertThat(s.get("/api/runs").statusCode()).isEqualTo(401);

            // the cookie scheme: header in, HttpOnly SameSite=Strict cookie out, and it opens what headers cannot reach
            HttpResponse<String> session = s.post("/api/session", "{}", "Authorization", bearer);
            assertThat(session.statusCode()).isEqualTo(200);
            String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith(ApiToken.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict");
            String cookie = setCookie.split(";", 2)[0];
            assertThat(s.get("/sites/" + id + "/", "Cookie", cookie).statusCode()).isEqualTo(200);
            HttpResponse<String> events = s.get("/api/sites/" + id + "/events", "Accept", "text/event-stream", "Cookie", cookie);
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("event: done");
            assertThat(s.get("/api/runs", "Cookie", ApiToken.COOKIE + "=wrong").statusCode()).isEqualTo(401);
            // without a valid header, no cookie is handed out
            assertThat(s.post("/api/session", "{}").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anEmptyTokenMeansNoTokenNotALockedServer() {
        assertThat(ServerSettings.defaults().withApiToken("").apiToken()).isNull();
        assertThat(new ServerSettings("127.0.0.1", 0, 1024, "", 0, 1).apiToken()).isNull();
        assertThat(new ServerSettings("127.0.0.1", 0, 1024, "  ", 0, 1).apiToken()).isNull();
    }

    /** Polls the run with the token until it is done. */
    private static final class JsonAssert {
        static void run(TestServer s, String id, String bearer) throws Exception {
            long deadline = System.nanoTime() + 240_000_000_000L; // generous: the CI machine may be loaded
            while (System.nanoTime() < deadline) {
                var run = TestServer.JSON.readTree(s.get("/api/sites/" + id, "Authorization", bearer).body());
                String status = run.path("status").asText();
                if (status.equals("done") || status.equals("failed")) {
                    assertThat(status).as("run %s: %s", id, run.path("error").asText()).isEqualTo("done");
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("run " + id + " did not finish");
        }
    }
}
