package ai.atelier.server;

/**
 * How the HTTP layer behaves: where it listens and its limits. {@code apiToken} null means POST is
 * open (fine on localhost; set ATELIER_API_TOKEN anywhere else). The rate limit counts requests
 * that start a generation, per client address.
 */
public record ServerSettings(String host, int port, int maxBodyBytes, String apiToken, int postsPerMinute, int postBurst) {
    public static final int DEFAULT_MAX_BODY = 128 * 1024;

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8080, DEFAULT_MAX_BODY, null, 30, 10);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(host, p, maxBodyBytes, apiToken, postsPerMinute, postBurst);
    }

    public ServerSettings withApiToken(String t) {
        return new ServerSettings(host, port, maxBodyBytes, t == null || t.isBlank() ? null : t, postsPerMinute, postBurst);
    }

    public ServerSettings withRateLimit(int perMinute, int burst) {
        return new ServerSettings(host, port, maxBodyBytes, apiToken, perMinute, burst);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", apiToken=" + (apiToken == null ? "none" : "set")
                + ", postsPerMinute=" + postsPerMinute + ", postBurst=" + postBurst + "]";
    }
}
