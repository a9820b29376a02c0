package ai.atelier.server;

import ai.atelier.AtelierException;
import ai.atelier.runs.ExampleProfiles;
import ai.atelier.runs.QueueFullException;
import ai.atelier.runs.RunEvent;
import ai.atelier.runs.RunPage;
import ai.atelier.runs.RunRecord;
import ai.atelier.runs.RunService;
import ai.atelier.runs.SiteFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of {@link RunService}: the JSON API, the Server-Sent Events stream of a run, the
 * generated sites (behind a strict Content-Security-Policy) and the web UI. A thin layer: it
 * parses, checks limits and tokens, maps errors to status codes, and leaves the work to the
 * service.
 */
public final class AtelierServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtelierServer.class);
    /** Refuses duplicate keys: {"name": "a", "name": "b"} is ambiguous, and parsers disagree on which wins. Money is written plain. */
    private static final ObjectMapper JSON = ai.atelier.model.Money.json(com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Map<String, String> UI_FILES = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8", "favicon.svg", "image/svg+xml");
    private static final int MAX_PAGE_SIZE = 100;
    private static final long HEARTBEAT_SECONDS = 15;
    /** Each open event stream holds a thread; past this many, new ones are refused rather than exhausting the machine. */
    private static final int MAX_EVENT_STREAMS = 256;

    private final RunService runs;
    private final ExampleProfiles examples;
    private final ServerSettings settings;
    private final String version;
    private final SiteFiles siteFiles;
    private final ApiToken token;
    /** Keyed site links: a sandboxed page's own files load without the token cookie (see SiteLinks). */
    private final SiteLinks siteLinks;
    private final RateLimiter rateLimiter;
    private final java.util.Set<String> hostNames;
    private final Javalin app;
    private final java.util.concurrent.atomic.AtomicInteger openStreams = new java.util.concurrent.atomic.AtomicInteger();

    public AtelierServer(RunService runs, ExampleProfiles examples, ServerSettings settings, String version) {
        this.runs = runs;
        this.examples = examples;
        this.settings = settings;
        this.version = version;
        this.siteFiles = new SiteFiles(runs.sitesDir());
        this.token = new ApiToken(settings.apiToken());
        this.siteLinks = new SiteLinks();
        this.hostNames = settings.hostNames();
        this.rateLimiter = new RateLimiter(settings.postsPerMinute(), settings.postBurst(), System::currentTimeMillis);
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.router.ignoreTrailingSlashes = false;
            config.startup.showJavalinBanner = false;
            // Jetty caches repeated header values per connection, matching them case-insensitively by default:
            // "Bearer abc" after "Bearer ABC" on one connection would then be read as the earlier value. Tokens are case-sensitive.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setHeaderCacheCaseSensitive(true);
                http.addCustomizer(AtelierServer::eventStreamForAnyAccept);
            });
            config.routes.before(this::securityHeaders);
            config.routes.before(this::access);
            config.routes.get("/", ctx -> resource(ctx, "/web/index.html", "text/html; charset=utf-8"));
            config.routes.get("/ui/{file}", this::uiFile);
            config.routes.get("/api/health", this::health);
            config.routes.get("/api/openapi.json", ctx -> resource(ctx, "/server/openapi.json", "application/json"));
            config.routes.get("/api/examples", ctx -> json(ctx, 200, examples.list()));
            config.routes.get("/api/workflows", ctx -> json(ctx, 200, runs.workflows()));
            config.routes.get("/api/runs", this::listRuns);
            config.routes.post("/api/sites", this::createSite);
            config.routes.get("/api/sites/{id}", this::getSite);
            config.routes.post("/api/sites/{id}/resume", this::resumeSite);
            config.routes.post("/api/session", this::session);
            config.routes.post("/api/checks", this::checkPage);
            config.routes.before("/api/sites/{id}/events", ctx -> {
                requireRun(ctx.pathParam("id"));
                String accept = ctx.header("Accept");
                // curl and most clients send */* by default: that accepts an event stream too
                if (accept == null || !(accept.contains("text/event-stream") || accept.contains("*/*") || accept.contains("text/*"))) {
                    throw new ApiError(406, "this is a Server-Sent Events stream: send \"Accept: text/event-stream\"", "Accept", Map.of());
                }
                if (openStreams.get() >= MAX_EVENT_STREAMS) {
                    throw new ApiError(503, "too many open event streams; poll /api/sites/{id} or retry later", null, Map.of("Retry-After", "10"));
                }
            });
            config.routes.sse("/api/sites/{id}/events", this::events);
            config.routes.get("/sites/{id}", ctx -> {
                requireRun(ctx.pathParam("id"));
                ctx.redirect("/sites/" + ctx.pathParam("id") + "/", io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            });
            config.routes.get("/sites/{id}/", ctx -> siteFile(ctx, ctx.pathParam("id"), ""));
            config.routes.get("/sites/{id}/<path>", ctx -> siteFile(ctx, ctx.pathParam("id"), ctx.pathParam("path")));
            config.routes.exception(ApiError.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                error(ctx, e.status(), e.getMessage(), e.field());
            });
            config.routes.exception(AtelierException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.field()));
            config.routes.exception(QueueFullException.class, (e, ctx) -> {
                ctx.header("Retry-After", "10");
                error(ctx, 503, e.getMessage(), null);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), null);
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) error(ctx, 404, "not found: " + ctx.path(), null);
            });
        });
    }

    public AtelierServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/sites/")) {
            ctx.header("Content-Security-Policy", SecurityHeaders.SITE_CSP);
            ctx.header("X-Frame-Options", "SAMEORIGIN");
        } else {
            ctx.header("Content-Security-Policy", SecurityHeaders.UI_CSP);
            ctx.header("X-Frame-Options", "DENY");
        }
        // the SSE response sets its own Cache-Control (no-cache); a second header would contradict it
        if (ctx.path().startsWith("/api/") && !ctx.path().endsWith("/events")) ctx.header("Cache-Control", "no-store");
    }

    /**
     * Who may ask what, before any route runs: the Host must be one this server was told it is
     * (DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example);
     * with a token set, every route but /api/health and the UI's own files needs it (header, or
     * the HttpOnly cookie POST /api/session sets for EventSource and the site iframe, which cannot
     * send headers); a request that changes state must carry JSON and come from this origin.
     */
    private void access(Context ctx) {
        if (!hostNames.contains(hostName(ctx.header("Host")))) {
            throw new ApiError(421, "this server does not answer to the host name in the request; start it with --allowed-host NAME to add one", "Host", Map.of());
        }
        String path = ctx.path();
        boolean open = path.equals("/") || path.startsWith("/ui/") || path.equals("/api/health") || siteLinks.match(path).isPresent();
        if (!open && token.required()) {
            String presented = ApiToken.from(ctx.header("Authorization"), ctx.header("X-Api-Token"));
            if (presented == null) presented = ApiToken.fromCookie(ctx.cookie(ApiToken.COOKIE));
            if (!token.accepts(presented)) {
                throw new ApiError(401, "a valid API token is required: send it as \"Authorization: Bearer <token>\"", "token",
                        Map.of("WWW-Authenticate", "Bearer realm=\"atelier\""));
            }
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            String site = ctx.header("Sec-Fetch-Site");
            if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
                throw new ApiError(403, "cross-site requests may not change anything here (Sec-Fetch-Site: " + cut(site) + ")", "Origin", Map.of());
            }
            String origin = ctx.header("Origin");
            if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
                throw new ApiError(403, "cross-site requests may not change anything here (Origin: " + cut(origin) + ")", "Origin", Map.of());
            }
            String type = ctx.header("Content-Type");
            String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!media.equals("application/json")) {
                throw new ApiError(415, "send the body as JSON with \"Content-Type: application/json\"", "Content-Type", Map.of());
            }
        }
    }

    /**
     * curl and most HTTP clients send {@code Accept: *}{@code /*}, which accepts an event stream,
     * but Javalin's SSE handler opens a stream only for an Accept naming text/event-stream. For the
     * events route only, a wildcard Accept is read as text/event-stream.
     */
    private static org.eclipse.jetty.server.Request eventStreamForAnyAccept(org.eclipse.jetty.server.Request request,
                                                                            org.eclipse.jetty.http.HttpFields.Mutable responseHeaders) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/api/sites/") || !path.endsWith("/events")) return request;
        String accept = request.getHeaders().get(org.eclipse.jetty.http.HttpHeader.ACCEPT);
        if (accept == null || accept.contains("text/event-stream") || !(accept.contains("*/*") || accept.contains("text/*"))) return request;
        org.eclipse.jetty.http.HttpFields headers = org.eclipse.jetty.http.HttpFields.build(request.getHeaders())
                .put(org.eclipse.jetty.http.HttpHeader.ACCEPT, "text/event-stream").asImmutable();
        return new org.eclipse.jetty.server.Request.Wrapper(request) {
            @Override
            public org.eclipse.jetty.http.HttpFields getHeaders() {
                return headers;
            }
        };
    }

    /** The host part of a Host header, lower case, without the port ("[::1]:8080" → "[::1]"). */
    static String hostName(String hostHeader) {
        if (hostHeader == null) return "";
        String h = hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** True when an Origin header names this very origin (scheme http(s), the same host and port as the Host header). */
    static boolean sameOrigin(String origin, String hostHeader) {
        if (hostHeader == null) return false;
        try {
            java.net.URI u = new java.net.URI(origin.strip());
            if (u.getScheme() == null || u.getRawAuthority() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) return false;
            String authority = u.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
            String host = hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
            int defaultPort = u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return authority.equals(host) || authority.equals(host + ":" + defaultPort) || host.equals(authority + ":" + defaultPort);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String cut(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    /**
     * Turns a token sent as a header into an HttpOnly, SameSite=Strict cookie, for the requests a
     * browser cannot add headers to (EventSource, the iframe showing a site and its files).
     */
    private void session(Context ctx) {
        if (token.required()) {
            String presented = ApiToken.from(ctx.header("Authorization"), ctx.header("X-Api-Token"));
            ctx.header("Set-Cookie", ApiToken.COOKIE + "=" + ApiToken.cookieValue(presented) + "; Path=/; HttpOnly; SameSite=Strict");
        }
        json(ctx, 200, Map.of("apiTokenRequired", token.required()));
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", version);
        body.put("database", runs.store().database().kind());
        body.put("schemaVersion", runs.store().schemaVersion());
        body.put("load", runs.load());
        body.put("apiTokenRequired", token.required());
        body.put("maxBodyBytes", settings.maxBodyBytes());
        json(ctx, 200, body);
    }

    private void listRuns(Context ctx) {
        int page = intParam(ctx, "page", 0, 0, 1_000_000);
        int size = intParam(ctx, "size", 20, 1, MAX_PAGE_SIZE);
        RunPage p = runs.page(page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", p.page());
        body.put("size", p.size());
        body.put("total", p.total());
        body.put("runs", p.runs().stream().map(r -> summary(r)).toList());
        json(ctx, 200, body);
    }

    private void createSite(Context ctx) {
        byte[] body = boundedBody(ctx);
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
            String dup = duplicateKey(e);
            if (dup != null) throw new ApiError(400, "the request body has the key \"" + dup + "\" twice; send each key once", "body", Map.of());
            throw new ApiError(400, "the request body is not valid JSON; send {\"profile\": {…}, \"workflow\": \"personas\"}", "body", Map.of());
        } catch (IOException e) {
            throw new ApiError(400, "the request body is not valid JSON; send {\"profile\": {…}, \"workflow\": \"personas\"}", "body", Map.of());
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "the request body must be a JSON object like {\"profile\": {…}, \"workflow\": \"personas\"}", "body", Map.of());
        }
        JsonNode profile = root.get("profile");
        if (profile == null || profile.isNull()) throw new ApiError(400, "missing \"profile\": the visitor profile as a JSON object", "profile", Map.of());
        byte[] profileJson;
        if (profile.isObject()) profileJson = profile.toString().getBytes(StandardCharsets.UTF_8);
        else if (profile.isTextual()) profileJson = profile.textValue().getBytes(StandardCharsets.UTF_8);
        else throw new ApiError(400, "\"profile\" must be a JSON object (or its JSON text)", "profile", Map.of());
        JsonNode wf = root.get("workflow");
        if (wf != null && !wf.isNull() && !wf.isTextual()) throw new ApiError(400, "\"workflow\" must be a name such as \"personas\"", "workflow", Map.of());
        // counted only now, and given back for a profile the service refuses: invalid requests spend no budget
        long wait = rateLimiter.tryAcquire(ctx.ip());
        if (wait > 0) {
            throw new ApiError(429, "too many requests from this client; retry in " + wait + " s", null, Map.of("Retry-After", String.valueOf(wait)));
        }
        RunRecord r;
        // a caller's W3C traceparent (telemetry on): the site's workflow span continues the caller's trace
        io.opentelemetry.context.Context caller = runs.telemetry().extract(ctx, java.util.List.of("traceparent", "tracestate"), ctx::header);
        try (var inCallerTrace = caller.makeCurrent()) {
            r = runs.submit(profileJson, wf == null || wf.isNull() ? null : wf.textValue());
        } catch (AtelierException e) {
            rateLimiter.refund(ctx.ip());
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("status", r.status().label());
        out.put("workflow", r.workflow());
        out.put("links", links(r.id()));
        ctx.header("Location", "/api/sites/" + r.id());
        json(ctx, 202, out);
    }

    private void resumeSite(Context ctx) {
        RunRecord r = requireRun(ctx.pathParam("id"));
        if (r.status() != ai.atelier.runs.RunStatus.INTERRUPTED && r.status() != ai.atelier.runs.RunStatus.FAILED) {
            throw new ApiError(409, "run " + r.id() + " is " + r.status().label() + "; only interrupted or failed runs can be resumed", "status", Map.of());
        }
        RunRecord queued;
        try {
            queued = runs.resume(r.id());
        } catch (AtelierException e) {
            if ("status".equals(e.field())) throw new ApiError(409, e.getMessage(), "status", Map.of());
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", queued.id());
        out.put("status", queued.status().label());
        out.put("workflow", queued.workflow());
        out.put("links", links(queued.id()));
        ctx.header("Location", "/api/sites/" + queued.id());
        json(ctx, 202, out);
    }

    /** The key a parser refused as a duplicate, or null for any other JSON error. */
    static String duplicateKey(com.fasterxml.jackson.core.JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null || !m.startsWith("Duplicate field '")) return null;
        int end = m.indexOf('\'', 17);
        return end < 0 ? null : m.substring(17, end);
    }

    /**
     * QA of a page sent inline: {"profile": {…}, "files": {"index.html": "…", "styles.css": "…",
     * "assets/hero.png": {"base64": "…"}}}. A network client never names a path on this machine;
     * the files are checked in a private temporary folder (bounded by the body limit and SiteCheck's).
     */
    private void checkPage(Context ctx) {
        long wait = rateLimiter.tryAcquire(ctx.ip());
        if (wait > 0) throw new ApiError(429, "too many requests from this client; retry in " + wait + " s", null, Map.of("Retry-After", String.valueOf(wait)));
        if (!token.accepts(ApiToken.from(ctx.header("Authorization"), ctx.header("X-Api-Token")))) {
            throw new ApiError(401, "a valid API token is required: send it as \"Authorization: Bearer <token>\"", "token",
                    Map.of("WWW-Authenticate", "Bearer realm=\"atelier\""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(boundedBody(ctx));
        } catch (IOException e) {
            throw new ApiError(400, "the request body is not valid JSON; send {\"profile\": {…}, \"files\": {\"index.html\": \"…\"}}", "body", Map.of());
        }
        if (root == null || !root.isObject()) throw new ApiError(400, "the request body must be a JSON object with \"profile\" and \"files\"", "body", Map.of());
        JsonNode profile = root.get("profile");
        if (profile == null || !profile.isObject()) throw new ApiError(400, "missing \"profile\": the visitor profile as a JSON object", "profile", Map.of());
        JsonNode files = root.get("files");
        if (files == null || !files.isObject()) throw new ApiError(400, "missing \"files\": an object of page file name to its text (or {\"base64\": …})", "files", Map.of());
        Map<String, byte[]> pages = new LinkedHashMap<>();
        var it = files.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) pages.put(e.getKey(), v.textValue().getBytes(StandardCharsets.UTF_8));
            else if (v.isObject() && v.path("base64").isTextual()) {
                try {
                    pages.put(e.getKey(), java.util.Base64.getDecoder().decode(v.path("base64").textValue()));
                } catch (IllegalArgumentException bad) {
                    throw new ApiError(400, "files." + e.getKey() + ".base64 is not valid base64", "files", Map.of());
                }
            } else throw new ApiError(400, "files." + e.getKey() + " must be the file's text or {\"base64\": \"…\"}", "files", Map.of());
        }
        json(ctx, 200, runs.check(profile.toString().getBytes(StandardCharsets.UTF_8), pages));
    }

    /** Reads the body up to the limit, whatever Content-Length claims, so a chunked upload cannot exceed it either. */
    private byte[] boundedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.maxBodyBytes()) throw tooLarge();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes(settings.maxBodyBytes() + 1);
            if (b.length > settings.maxBodyBytes()) throw tooLarge();
            return b;
        } catch (IOException e) {
            throw new ApiError(400, "could not read the request body: " + e.getMessage(), "body", Map.of());
        }
    }

    private ApiError tooLarge() {
        return new ApiError(413, "the request body is larger than " + settings.maxBodyBytes() + " bytes", "body", Map.of());
    }

    private void getSite(Context ctx) {
        RunRecord r = requireRun(ctx.pathParam("id"));
        ObjectNode out = JSON.valueToTree(summary(r));
        out.set("profile", parseOrNull(r.profileJson()));
        JsonNode report = parseOrNull(r.reportJson());
        out.set("report", report);
        out.set("costs", parseOrNull(r.costsJson()));
        out.set("totals", JSON.valueToTree(ai.atelier.runs.RunTotals.of(report, report != null ? java.util.List.of() : eventsSoFar(r.id()))));
        json(ctx, 200, out);
    }

    /** The run's events up to now (replayed by a subscription that is closed at once). */
    private java.util.List<ai.atelier.runs.RunEvent> eventsSoFar(String id) {
        java.util.List<ai.atelier.runs.RunEvent> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        runs.subscribe(id, 0, seen::add).ifPresent(ai.atelier.runs.Subscription::close);
        synchronized (seen) {
            return java.util.List.copyOf(seen);
        }
    }

    private void events(SseClient client) {
        Context ctx = client.ctx();
        String id = ctx.pathParam("id");
        int after = lastEventId(ctx.header("Last-Event-ID"));
        openStreams.incrementAndGet();
        BlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();
        Optional<ai.atelier.runs.Subscription> sub = runs.subscribe(id, after, queue::add);
        if (sub.isEmpty()) {
            openStreams.decrementAndGet();
            client.close();
            return;
        }
        try (ai.atelier.runs.Subscription s = sub.get()) {
            while (!client.terminated()) {
                RunEvent e = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (e == null) {
                    RunRecord r = runs.find(id).orElse(null);
                    if (r == null || (r.status().finished() && queue.isEmpty())) break;
                    client.sendComment("keep-alive");
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("seq", e.seq());
                data.put("type", e.type());
                data.putAll(e.data());
                client.sendEvent(e.type(), JSON.writeValueAsString(data), String.valueOf(e.seq()));
                // a resumed run replays its earlier terminal event before the new ones: only the last one ends the stream
                if (e.terminal() && queue.isEmpty()) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write event of run {}", id, e);
        } finally {
            openStreams.decrementAndGet();
            client.close();
        }
    }

    private void siteFile(Context ctx, String id, String relative) throws IOException {
        if (relative.startsWith("~")) {
            // a keyed link (/sites/{id}/~{key}/…): the key must be this run's
            relative = siteLinks.match(ctx.path()).filter(k -> k.runId().equals(id)).map(SiteLinks.Keyed::relative)
                    .orElseThrow(() -> new ApiError(404, "no such file in site " + id));
        }
        RunRecord run = requireRun(id);
        Path file = siteFiles.resolve(id, relative).orElseThrow(() -> new ApiError(404, "no such file in site " + id));
        // a page that did not pass QA (or is not finished) is not published; ?preview=1 shows it, sandboxed like any site
        boolean page = ContentTypes.of(file.getFileName().toString()).startsWith("text/html");
        if (page && run.status() != ai.atelier.runs.RunStatus.DONE && !"1".equals(ctx.queryParam("preview"))) {
            throw new ApiError(403, "run " + id + " is " + run.status().label() + ": its page did not pass QA, so it is not served; add ?preview=1 to look at it",
                    "preview", Map.of());
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(ContentTypes.of(file.getFileName().toString()));
        ctx.result(Files.readAllBytes(file));
    }

    private void uiFile(Context ctx) {
        String name = ctx.pathParam("file");
        String type = UI_FILES.get(name);
        if (type == null) throw new ApiError(404, "not found: " + ctx.path());
        resource(ctx, "/web/" + name, type);
    }

    private RunRecord requireRun(String id) {
        if (id == null || !SiteFiles.RUN_ID.matcher(id).matches()) throw new ApiError(404, "no run with that id");
        return runs.find(id).orElseThrow(() -> new ApiError(404, "no run with id " + id));
    }

    private Map<String, Object> summary(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status().label());
        m.put("workflow", r.workflow());
        m.put("visitor", r.visitorName());
        m.put("industry", r.industry());
        m.put("createdAt", Instant.ofEpochMilli(r.createdMs()).toString());
        m.put("startedAt", r.startedMs() == null ? null : Instant.ofEpochMilli(r.startedMs()).toString());
        m.put("finishedAt", r.finishedMs() == null ? null : Instant.ofEpochMilli(r.finishedMs()).toString());
        m.put("costUsd", r.costUsd());
        m.put("inputTokens", r.inputTokens());
        m.put("outputTokens", r.outputTokens());
        m.put("qualityScore", r.qualityScore());
        m.put("error", r.error());
        m.put("links", links(r.id()));
        return m;
    }

    private Map<String, String> links(String id) {
        return Map.of("self", "/api/sites/" + id, "events", "/api/sites/" + id + "/events", "site", siteLinks.site(id, token.required()));
    }

    private static JsonNode parseOrNull(String json) {
        if (json == null) return null;
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static int lastEventId(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) return 0;
        return Integer.parseInt(header.strip());
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "query parameter \"" + name + "\" must be a whole number from " + min + " to " + max, name, Map.of());
        }
    }

    private static void resource(Context ctx, String path, String type) {
        try (InputStream in = AtelierServer.class.getResourceAsStream(path)) {
            if (in == null) throw new ApiError(404, "not found: " + ctx.path());
            ctx.contentType(type);
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType("application/json");
        try {
            ctx.result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void error(Context ctx, int status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) body.put("field", field);
        body.put("status", status);
        json(ctx, status, body);
    }
}
