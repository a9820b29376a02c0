package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page on another origin must not start (paid) generations: a {@code text/plain} no-cors POST
 * is refused with 415, a request whose Origin or Sec-Fetch-Site says cross-site with 403, and a
 * Host name the server was not told it is (DNS rebinding: evil.example resolving to 127.0.0.1)
 * with 421. Before the fix all three created runs or were answered.
 */
class CrossSiteTest {
    @TempDir
    Path data;

    @Test
    void crossSiteWritesAndForeignHostNamesAreRefused() throws Exception {
        try (TestServer s = new TestServer(data)) {
            String body = TestServer.siteRequest(TestServer.example("retail-sophie-laurent"), "personas");
            int port = s.server.port();

            // what fetch(url, {mode: 'no-cors', body}) sends: text/plain
            HttpResponse<String> plain = s.post("/api/sites", body, "Content-Type", "text/plain;charset=UTF-8");
            assertThat(plain.statusCode()).isEqualTo(415);
            assertThat(TestServer.JSON.readTree(plain.body()).path("error").asText()).contains("Content-Type: application/json");
            assertThat(s.post("/api/sites", body, "Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);

            assertThat(s.post("/api/sites", body, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
            assertThat(s.post("/api/sites", body, "Origin", "null").statusCode()).as("a sandboxed page's origin").isEqualTo(403);
            assertThat(s.post("/api/sites", body, "Origin", "http://127.0.0.1:" + (port + 1)).statusCode()).as("another port").isEqualTo(403);
            assertThat(s.post("/api/sites", body, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
            assertThat(s.post("/api/sites", body, "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
            assertThat(TestServer.JSON.readTree(s.get("/api/runs").body()).path("total").asLong()).as("nothing was started").isZero();

            // the UI's own requests go through
            assertThat(s.post("/api/sites", body, "Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(202);

            // DNS rebinding: the Host header names a foreign site
            RawHttp.Response rebound = RawHttp.send(port, "GET /api/runs HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n");
            assertThat(rebound.status()).isEqualTo(421);
            assertThat(rebound.body()).doesNotContain("sophie");
            for (String name : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
                RawHttp.Response ok = RawHttp.send(port, "GET /api/health HTTP/1.1\r\nHost: " + name + ":" + port + "\r\nConnection: close\r\n\r\n");
                assertThat(ok.status()).as(name).isEqualTo(200);
            }
        }
        ServerSettings named = ServerSettings.defaults().withPort(0).withRateLimit(0, 1).withAllowedHosts(java.util.List.of("Atelier.Example.com"));
        try (TestServer s = new TestServer(data.resolve("b"), new ai.atelier.site.builtin.BuiltinEngines(),
                ai.atelier.runs.RunDatabase.h2In(data.resolve("b")), named, new ai.atelier.runs.RunService.Limits(1, 1))) {
            int port = s.server.port();
            assertThat(RawHttp.send(port, "GET /api/health HTTP/1.1\r\nHost: atelier.example.com\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
            assertThat(RawHttp.send(port, "GET /api/health HTTP/1.1\r\nHost: other.example.com\r\nConnection: close\r\n\r\n").status()).isEqualTo(421);
        }
    }

    @Test
    void hostAndOriginParsing() {
        assertThat(AtelierServer.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(AtelierServer.hostName("LocalHost:80")).isEqualTo("localhost");
        assertThat(AtelierServer.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(AtelierServer.sameOrigin("http://atelier.example.com", "atelier.example.com:80")).isTrue();
        assertThat(AtelierServer.sameOrigin("https://127.0.0.1:8080", "127.0.0.1:8081")).isFalse();
        assertThat(AtelierServer.sameOrigin("file://", "127.0.0.1:8080")).isFalse();
    }
}
