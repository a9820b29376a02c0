package ai.atelier.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many tokens a model can read in one call, and how many a prompt takes on it. The context
 * window is, in order: the config's {@code contextWindow:} for the model, the server's own for a
 * llama.cpp server ({@code GET /props}, {@code default_generation_settings.n_ctx}: the context of
 * one slot, read once per server), the catalog entry's {@code contextWindow}; else unknown. A
 * prompt is counted by the server's own tokenizer where it has one ({@code POST /tokenize} on
 * llama.cpp), else estimated with Atelier's ({@link TokenCounter}).
 */
public final class ContextWindows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    /** Tokens a chat template adds around each message (role markers, separators), on top of the text's own. */
    static final int PER_MESSAGE = 8;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private final Map<String, Optional<Integer>> servers = new ConcurrentHashMap<>();
    private final TokenCounter tokens = new TokenCounter();

    /** What one model's window is and where the number comes from (for messages). */
    public record Window(int tokens, String source) {}

    /** A prompt's size and whether the count is the server's own tokenizer's (exact) or Atelier's estimate. */
    public record Count(long tokens, boolean exact) {}

    public Optional<Window> window(ModelSpec m, CatalogEntry entry) {
        if (m.contextWindow() != null) return Optional.of(new Window(m.contextWindow(), "contextWindow in the config"));
        if (entry != null && entry.contextWindow() != null) return Optional.of(new Window(entry.contextWindow(), "catalog entry " + entry.name()));
        if (llamaServer(m)) {
            Optional<Integer> n = servers.computeIfAbsent(root(m.baseUrl()), this::probe);
            if (n.isPresent()) return Optional.of(new Window(n.get(), "the server's per-slot context (GET /props n_ctx)"));
        }
        return Optional.empty();
    }

    /** The prompt's size on this model: the llama.cpp server's tokenizer where there is one, else Atelier's estimate. */
    public Count count(ModelSpec m, ChatRequest r) {
        if (llamaServer(m) && servers.getOrDefault(root(m.baseUrl()), Optional.empty()).isPresent()) {
            OptionalInt sys = tokenize(m, r.system()), user = tokenize(m, r.user());
            if (sys.isPresent() && user.isPresent()) return new Count(sys.getAsInt() + user.getAsInt() + 2L * PER_MESSAGE, true);
        }
        return new Count(tokens.count(r.system()) + tokens.count(r.user()) + 2L * PER_MESSAGE, false);
    }

    /** Whether this model's server answered /props as llama.cpp does (a server that cuts long prompts silently unless told not to). */
    public boolean knownLlamaServer(ModelSpec m) {
        return llamaServer(m) && servers.getOrDefault(root(m.baseUrl()), Optional.empty()).isPresent();
    }

    /** An OpenAI-compatible server other than OpenAI's own, which may be llama.cpp (it answers /props). */
    static boolean llamaServer(ModelSpec m) {
        if (!"openai".equals(m.provider()) || m.baseUrl() == null) return false;
        String host = URI.create(m.baseUrl()).getHost();
        return host != null && !host.endsWith("openai.com") && !host.endsWith("openai.azure.com");
    }

    static String root(String baseUrl) {
        String b = baseUrl.replaceAll("/+$", "");
        return b.endsWith("/v1") ? b.substring(0, b.length() - 3) : b;
    }

    private Optional<Integer> probe(String root) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/props")).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return Optional.empty();
            JsonNode n = JSON.readTree(r.body()).path("default_generation_settings").path("n_ctx");
            return n.canConvertToInt() && n.asInt() > 0 ? Optional.of(n.asInt()) : Optional.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return Optional.empty(); // not a llama.cpp server, or not up yet: the catalog's window applies
        }
    }

    private OptionalInt tokenize(ModelSpec m, String text) {
        if (text == null || text.isEmpty()) return OptionalInt.of(0);
        try {
            String body = JSON.createObjectNode().put("content", text).toString();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root(m.baseUrl()) + "/tokenize")).timeout(PROBE_TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return OptionalInt.empty();
            JsonNode t = JSON.readTree(r.body()).path("tokens");
            return t.isArray() ? OptionalInt.of(t.size()) : OptionalInt.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }
}
