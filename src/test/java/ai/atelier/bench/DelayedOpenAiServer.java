package ai.atelier.bench;

import ai.atelier.cli.GenerateWithModelsEndToEndTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server speaking OpenAI's wire format (Chat Completions with usage fields, Images as
 * b64_json) that answers every request after a fixed delay. The delay is scheduled, not slept: a
 * request holds no server thread while it waits, so a thousand concurrent requests cost the server
 * two timer threads and it does not become the bottleneck it is meant to stand outside of. The
 * answers are built once; the server only looks at which persona's system prompt a request carries.
 */
final class DelayedOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PROMPT_TOKENS = 2500, COMPLETION_TOKENS = 700;
    private final HttpServer server;
    private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("bench-server-read"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("bench-server-timer"));
    private final byte[] chatAnswer;
    private final byte[] imageAnswer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private volatile long delayMs;

    DelayedOpenAiServer(long delayMs) throws IOException {
        this.delayMs = delayMs;
        ObjectNode resp = JSON.createObjectNode();
        resp.put("id", "chatcmpl-bench").put("object", "chat.completion").put("created", 1732000000).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = resp.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        // The same spec answers the personalizer and the template-mode developer (both ask for a spec).
        choice.putObject("message").put("role", "assistant").put("content", GenerateWithModelsEndToEndTest.spec());
        ObjectNode u = resp.putObject("usage");
        u.put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS).put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
        this.chatAnswer = JSON.writeValueAsBytes(resp);
        this.imageAnswer = ("{\"created\":1732000000,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(GenerateWithModelsEndToEndTest.PNG) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8192);
        server.setExecutor(readers);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void delayMs(long ms) {
        this.delayMs = ms;
    }

    long delayMs() {
        return delayMs;
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlightAndReset() {
        return maxInFlight.getAndSet(0);
    }

    long requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        byte[] body = ex.getRequestURI().getPath().endsWith("/images/generations") ? imageAnswer : chatAnswer;
        timer.schedule(() -> respond(ex, body), delayMs, TimeUnit.MILLISECONDS);
    }

    private void respond(HttpExchange ex, byte[] body) {
        inFlight.decrementAndGet();
        try {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            ex.close(); // the client gave up; it records its own error
        }
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        readers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
