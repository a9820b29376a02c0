package ai.atelier.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Capability links to generated sites, for when an API token is set. A site is served sandboxed
 * ({@code Content-Security-Policy: sandbox} without {@code allow-same-origin}), so the page runs in
 * an opaque origin and the browser sends its requests for {@code styles.css} and images as
 * cross-site: the SameSite=Strict token cookie is not sent, and the page showed unstyled. So the
 * API hands out, to a caller that showed the token, a link {@code /sites/{id}/~{key}/} whose key
 * is an HMAC of the run id under a secret this server process drew at start: the page's relative
 * URLs resolve under the same prefix, so its own files load without a cookie, and the link opens
 * that one site and nothing else (no other run, no API route). Keys end with the process.
 */
final class SiteLinks {
    /** {@code /sites/{id}/~{key}/rest}: the run id, the key and the file inside the site. */
    private static final Pattern KEYED = Pattern.compile("^/sites/([a-z0-9][a-z0-9-]{0,199})/~([A-Za-z0-9_-]{43})(/.*)?$");

    /** A path that carried a valid key: the run and the file asked for. */
    record Keyed(String runId, String relative) {}

    private final byte[] secret = new byte[32];

    SiteLinks() {
        new SecureRandom().nextBytes(secret);
    }

    /** The key for one run's site. */
    String key(String runId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(runId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    /** The site's address for a caller: keyed when a token guards the server, plain otherwise. */
    String site(String runId, boolean tokenRequired) {
        return tokenRequired ? "/sites/" + runId + "/~" + key(runId) + "/" : "/sites/" + runId + "/";
    }

    /** The run and file of a keyed path whose key is right for its run; empty for any other path. */
    Optional<Keyed> match(String path) {
        Matcher m = KEYED.matcher(path);
        if (!m.matches()) return Optional.empty();
        boolean ok = MessageDigest.isEqual(key(m.group(1)).getBytes(StandardCharsets.US_ASCII), m.group(2).getBytes(StandardCharsets.US_ASCII));
        if (!ok) return Optional.empty();
        String rest = m.group(3) == null ? "" : m.group(3).substring(1);
        return Optional.of(new Keyed(m.group(1), rest));
    }
}
