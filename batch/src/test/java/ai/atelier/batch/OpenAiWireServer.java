package ai.atelier.batch;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server speaking OpenAI's Chat Completions wire format (with usage) that answers every
 * request after a fixed delay, scheduled rather than slept, with one fixed website specification
 * (the personalizer's answer). It stands in for a model provider at the protocol level for the
 * batch tests and the batch benchmark; it is a SIMULATION of a provider's latency, not a model.
 */
final class OpenAiWireServer implements AutoCloseable {
    static final int PROMPT_TOKENS = 3000, COMPLETION_TOKENS = 800;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("wire-read"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, daemon("wire-timer"));
    private final byte[] answer;
    private final long delayMs;
    final AtomicLong requests = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    OpenAiWireServer(long delayMs) throws IOException {
        this.delayMs = delayMs;
        String spec;
        try (InputStream in = OpenAiWireServer.class.getResourceAsStream("/personalizer-spec.json")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectNode resp = JSON.createObjectNode();
        resp.put("id", "chatcmpl-wire").put("object", "chat.completion").put("created", 1732000000).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = resp.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", JSON.readTree(spec).toString());
        resp.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
                .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
        this.answer = JSON.writeValueAsBytes(resp);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(readers);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A config binding the personalizer to this server as gpt-4o-mini (priced from the catalog); the other roles stay built-in. */
    Path config(Path dir, int concurrency) throws IOException {
        Path c = dir.resolve("wire.yaml");
        Files.writeString(c, """
                models:
                  small:
                    provider: openai
                    model: gpt-4o-mini
                    baseUrl: %s
                    catalog: gpt-4o-mini
                    concurrency: %d
                    maxRetries: 0
                roles:
                  personalizer: small
                """.formatted(baseUrl(), concurrency));
        return c;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        timer.schedule(() -> respond(ex), delayMs, TimeUnit.MILLISECONDS);
    }

    private void respond(HttpExchange ex) {
        inFlight.decrementAndGet();
        try {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException e) {
            ex.close();
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
