package ai.atelier.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An optional in-memory cache of answers, keyed by a hash of everything that shapes the answer
 * (model, system, user text, schema, token cap). A hit costs nothing and is not metered, because
 * no model was called. Off by default: generation is meant to vary per visitor anyway.
 */
public final class ResponseCache implements Interceptor {
    private final String model;
    private final Map<String, ChatResponse> entries = new ConcurrentHashMap<>();

    public ResponseCache(String model) {
        this.model = model;
    }

    /** A hit is answered here, without proceeding. */
    @Override
    public Proceeds proceeds() {
        return Proceeds.AT_MOST_ONCE;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest r = chain.request();
        String key = key(model, r);
        ChatResponse hit = entries.get(key);
        if (hit != null) return hit;
        ChatResponse fresh = chain.proceed(r);
        entries.put(key, fresh);
        return fresh;
    }

    public int size() {
        return entries.size();
    }

    static String key(String model, ChatRequest r) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {model, r.system(), r.user(), r.jsonSchema(), Integer.toString(r.maxOutputTokens())}) {
                d.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
