package ai.atelier.model;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks every role's binding before the first step runs, so a missing key, a server that is not
 * running or an artist bound to a chat model is refused in one line with its fix instead of failing
 * nine seconds into a run with a half-made folder. Three things are checked per bound model (and
 * the models of its escalation ladder): its credentials are present (the variable its
 * {@code apiKeyEnv} names, or the AWS credential chain's sources for Bedrock — presence only, never
 * the value), its kind fits the roles bound to it (image roles need an image model, every other role
 * a chat model; from the catalog's {@code kind}, else the provider), and a configured endpoint
 * answers (one short GET to a cheap listing endpoint; any HTTP status counts as an answer, only a
 * refused connection, an unknown host or silence is a problem). Hosted APIs at their default address
 * are not probed. The environment and home folder are passed in, so tests never touch the real ones.
 */
public final class BindingCheck {
    /** What is wrong with a binding. */
    public enum Kind { CREDENTIALS, MODEL_KIND, UNREACHABLE }

    /** One problem: the model, the roles bound to it, what is wrong, and a one-line message that ends with the fix. */
    public record Problem(String model, List<String> roles, Kind kind, String message) {
        public Problem {
            roles = List.copyOf(roles);
        }
    }

    /** The persona that draws pictures: the roles of its steps need image models. */
    public static final String IMAGE_PERSONA = "artist";

    private static final Pattern IMAGE_MODEL_ID = Pattern.compile("(?i).*(dall-e|gpt-image|canvas|titan-image|stable-diffusion|sdxl|flux).*");
    private static final Set<String> CHAT_ONLY_PROVIDERS = Set.of("anthropic", "ollama", "llamacpp-embedded");

    private final Function<String, String> env;
    private final Path home;
    private final Duration timeout;

    /** @param env the environment (a map's {@code get} in tests); @param home the user's home folder (for ~/.aws) */
    public BindingCheck(Function<String, String> env, Path home, Duration timeout) {
        this.env = env;
        this.home = home;
        this.timeout = timeout;
    }

    /** The process environment, the user's home, and 3 s for an endpoint to answer. */
    public static BindingCheck standard() {
        return new BindingCheck(System::getenv, Path.of(System.getProperty("user.home", ".")), Duration.ofSeconds(3));
    }

    /** Every problem of the models bound to any role of {@code config}; the roles named {@value #IMAGE_PERSONA} need images. */
    public List<Problem> check(AtelierConfig config) {
        return check(config, config.roles().keySet(), config.roles().containsKey(IMAGE_PERSONA) ? Set.of(IMAGE_PERSONA) : Set.of());
    }

    /**
     * Every problem of the models bound to {@code roles} (those a run will use) and their escalation
     * ladders, in config order; {@code imageRoles} are the roles that make pictures. Empty when all is well.
     */
    public List<Problem> check(AtelierConfig config, Set<String> roles, Set<String> imageRoles) {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        Map<String, Set<String>> rolesOf = new LinkedHashMap<>();
        for (String role : config.roles().keySet().stream().sorted().toList()) {
            if (!roles.contains(role)) continue;
            List<ModelSpec> used = new ArrayList<>();
            config.modelFor(role).ifPresent(used::add);
            config.ladderFor(role).stream().filter(java.util.Objects::nonNull).forEach(used::add);
            for (ModelSpec m : used) {
                models.putIfAbsent(m.name(), m);
                rolesOf.computeIfAbsent(m.name(), k -> new LinkedHashSet<>()).add(role);
            }
        }
        ModelCatalog catalog = config.catalogWithOverrides();
        List<Problem> problems = new ArrayList<>();
        Map<String, CompletableFuture<Optional<String>>> probes = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        for (ModelSpec m : models.values()) {
            List<String> rs = List.copyOf(rolesOf.get(m.name()));
            kindProblem(m, rs, imageRoles, catalog).ifPresent(problems::add);
            credentialProblem(m, rs).ifPresent(problems::add);
            probeUrl(m).ifPresent(url -> probes.computeIfAbsent(url, u -> probe(http, u)));
        }
        for (ModelSpec m : models.values()) {
            Optional<String> url = probeUrl(m);
            if (url.isEmpty()) continue;
            Optional<String> failure = probes.get(url.get()).join();
            failure.ifPresent(why -> problems.add(new Problem(m.name(), List.copyOf(rolesOf.get(m.name())), Kind.UNREACHABLE,
                    "model " + m.name() + " (" + roles(rolesOf.get(m.name())) + ") cannot be reached at " + (m.baseUrl() != null ? m.baseUrl() : url.get()) + " (" + why
                            + "): start its server, or fix its baseUrl in the config")));
        }
        return problems;
    }

    private Optional<Problem> kindProblem(ModelSpec m, List<String> roles, Set<String> imageRoles, ModelCatalog catalog) {
        Optional<Boolean> image = isImageModel(m, catalog);
        if (image.isEmpty()) return Optional.empty();
        List<String> wantImages = roles.stream().filter(imageRoles::contains).toList();
        List<String> wantChat = roles.stream().filter(r -> !imageRoles.contains(r)).toList();
        if (!image.get() && !wantImages.isEmpty()) {
            return Optional.of(new Problem(m.name(), wantImages, Kind.MODEL_KIND, roles(wantImages) + " draws images, but model " + m.name()
                    + " (" + m.modelId() + ") is a chat model: bind " + roles(wantImages) + " to an image model (e.g. gpt-image-1 or "
                    + "nova-canvas, see atelier models), or drop the line to draw SVG on the built-in engine"));
        }
        if (image.get() && !wantChat.isEmpty()) {
            return Optional.of(new Problem(m.name(), wantChat, Kind.MODEL_KIND, roles(wantChat) + " writes text, but model " + m.name()
                    + " (" + m.modelId() + ") is an image model: bind " + roles(wantChat) + " to a chat model"));
        }
        return Optional.empty();
    }

    /** Image or chat, from the catalog entry, else the provider or a well-known image model id; empty when it cannot be told. */
    static Optional<Boolean> isImageModel(ModelSpec m, ModelCatalog catalog) {
        Optional<CatalogEntry> e = catalog.find(m.catalogName())
                .or(() -> catalog.all().stream().filter(c -> m.modelId() != null && m.modelId().equals(c.modelId())).findFirst());
        if (e.isPresent() && e.get().kind() != null) return Optional.of(e.get().isImageModel());
        if (CHAT_ONLY_PROVIDERS.contains(m.provider())) return Optional.of(false);
        if (m.modelId() != null && IMAGE_MODEL_ID.matcher(m.modelId()).matches()) return Optional.of(true);
        return Optional.empty();
    }

    private Optional<Problem> credentialProblem(ModelSpec m, List<String> roles) {
        String who = "model " + m.name() + " (" + roles(roles) + ")";
        if (m.provider().equals("bedrock")) {
            if (awsCredentialsPresent()) return Optional.empty();
            return Optional.of(new Problem(m.name(), roles, Kind.CREDENTIALS, who + " needs AWS credentials and none are set: "
                    + "set AWS_PROFILE (with ~/.aws/credentials) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"));
        }
        if (m.apiKeyEnv() != null) {
            String v = env.apply(m.apiKeyEnv());
            if (v != null && !v.isBlank()) return Optional.empty();
            return Optional.of(new Problem(m.name(), roles, Kind.CREDENTIALS, who + " needs an API key: set the environment variable "
                    + m.apiKeyEnv() + " (export " + m.apiKeyEnv() + "=…)"));
        }
        String defaultKey = switch (m.provider()) {
            case "openai" -> "OPENAI_API_KEY";
            case "anthropic" -> "ANTHROPIC_API_KEY";
            default -> null;
        };
        if (defaultKey != null && m.baseUrl() == null) {
            return Optional.of(new Problem(m.name(), roles, Kind.CREDENTIALS, who + " calls the hosted " + m.provider()
                    + " API, which needs a key: add apiKeyEnv: " + defaultKey + " to the model and set that variable"));
        }
        return Optional.empty();
    }

    /** The sources of the AWS default chain that can be seen without a network call. */
    private boolean awsCredentialsPresent() {
        if (set("AWS_ACCESS_KEY_ID") && set("AWS_SECRET_ACCESS_KEY")) return true;
        if (set("AWS_PROFILE") || set("AWS_WEB_IDENTITY_TOKEN_FILE") || set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || set("AWS_CONTAINER_CREDENTIALS_FULL_URI")) return true;
        String file = env.apply("AWS_SHARED_CREDENTIALS_FILE");
        Path creds = file != null && !file.isBlank() ? Path.of(file) : home.resolve(".aws/credentials");
        String cfg = env.apply("AWS_CONFIG_FILE");
        Path config = cfg != null && !cfg.isBlank() ? Path.of(cfg) : home.resolve(".aws/config");
        return Files.isRegularFile(creds) || Files.isRegularFile(config);
    }

    private boolean set(String name) {
        String v = env.apply(name);
        return v != null && !v.isBlank();
    }

    /** The cheap endpoint that shows whether a configured server answers; empty for hosted defaults and in-process models. */
    static Optional<String> probeUrl(ModelSpec m) {
        String provider = m.provider();
        if (provider.equals("ollama")) {
            return Optional.of(strip(m.baseUrl() != null ? m.baseUrl() : "http://localhost:11434") + "/api/tags");
        }
        if (m.baseUrl() == null) return Optional.empty();
        return switch (provider) {
            case "openai", "anthropic" -> Optional.of(strip(m.baseUrl()) + "/models");
            case "bedrock" -> Optional.of(strip(m.baseUrl()) + "/");
            default -> Optional.empty();
        };
    }

    private static String strip(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }

    /** Empty when the endpoint answered with any HTTP status; else why not, in a user's words. */
    private CompletableFuture<Optional<String>> probe(HttpClient http, String url) {
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.of("not a valid URL"));
        }
        return http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> Optional.<String>empty())
                .exceptionally(e -> Optional.of(why(e)));
    }

    private String why(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (causedBy(t, UnknownHostException.class) || causedBy(t, java.nio.channels.UnresolvedAddressException.class)) return "unknown host";
        if (causedBy(t, HttpTimeoutException.class)) return "no answer within " + timeout.toSeconds() + " s";
        if (causedBy(t, ConnectException.class)) return "connection refused";
        String m = t.getMessage();
        return m == null || m.isBlank() ? "no answer" : m.toLowerCase(Locale.ROOT).lines().findFirst().orElse("no answer");
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    private static String roles(java.util.Collection<String> roles) {
        return roles.size() == 1 ? "role " + roles.iterator().next() : "roles " + String.join(", ", roles);
    }
}
