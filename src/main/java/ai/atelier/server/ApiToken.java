package ai.atelier.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The optional shared secret for every request but /api/health and the UI's files. Compared in constant time over SHA-256
 * digests, so neither the content nor the length of the secret leaks through response timing.
 */
final class ApiToken {
    /** The cookie POST /api/session sets: HttpOnly, SameSite=Strict, the token URL-encoded. */
    static final String COOKIE = "atelier_token";
    private final byte[] expected;

    ApiToken(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    boolean required() {
        return expected != null;
    }

    /** True when no token is configured, or when {@code presented} matches it. */
    boolean accepts(String presented) {
        if (expected == null) return true;
        if (presented == null) return false;
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    /** The token from "Authorization: Bearer …" or "X-Api-Token: …". */
    static String from(String authorization, String xApiToken) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return authorization.substring(7).strip();
        return xApiToken == null ? null : xApiToken.strip();
    }

    static String cookieValue(String token) {
        return java.net.URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
    }

    static String fromCookie(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
