package ai.atelier.server;

import java.util.List;

/**
 * How the HTTP layer behaves: where it listens, the Host names it answers, and its limits.
 * {@code apiToken} null (or blank) means the API is open (fine on localhost; set
 * ATELIER_API_TOKEN anywhere else). The rate limit counts requests that start a generation, per
 * client address.
 */
public record ServerSettings(String host, int port, int maxBodyBytes, String apiToken, int postsPerMinute, int postBurst, List<String> allowedHosts) {
    public static final int DEFAULT_MAX_BODY = 128 * 1024;
    /** The Host names answered with no --allowed-host: loopback only, so a DNS-rebinding page cannot reach the API. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    public ServerSettings {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        // an empty ATELIER_API_TOKEN= means "no token", not "a token nobody can send" (ServeCommand warns about it)
        apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken;
    }

    public ServerSettings(String host, int port, int maxBodyBytes, String apiToken, int postsPerMinute, int postBurst) {
        this(host, port, maxBodyBytes, apiToken, postsPerMinute, postBurst, List.of());
    }

    /**
     * Every Host name this server answers: the loopback names, the bind address when it is a
     * specific one, and each --allowed-host.
     */
    public java.util.Set<String> hostNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(LOOPBACK_NAMES);
        String h = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        if (!h.isEmpty() && !h.equals("0.0.0.0") && !h.equals("::") && !h.equals("[::]")) names.add(h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h);
        names.addAll(allowedHosts);
        return names;
    }

    public ServerSettings withAllowedHosts(List<String> names) {
        return new ServerSettings(host, port, maxBodyBytes, apiToken, postsPerMinute, postBurst, names);
    }

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8080, DEFAULT_MAX_BODY, null, 30, 10);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(host, p, maxBodyBytes, apiToken, postsPerMinute, postBurst, allowedHosts);
    }

    public ServerSettings withApiToken(String t) {
        return new ServerSettings(host, port, maxBodyBytes, t, postsPerMinute, postBurst, allowedHosts);
    }

    public ServerSettings withRateLimit(int perMinute, int burst) {
        return new ServerSettings(host, port, maxBodyBytes, apiToken, perMinute, burst, allowedHosts);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", apiToken=" + (apiToken == null ? "none" : "set")
                + ", postsPerMinute=" + postsPerMinute + ", postBurst=" + postBurst + ", allowedHosts=" + allowedHosts + "]";
    }
}
