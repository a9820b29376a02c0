package ai.atelier.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt library: each persona's prompts live in {@code src/main/resources/prompts/*.md} with
 * {@code {{name}}} placeholders. Values are inserted verbatim, so callers pass data that was
 * already framed as data (see {@link VisitorBrief}). A {@code {{> rules/name}}} placeholder
 * includes another prompt resource (rendered with the same values), so a rule several personas
 * share is written once ({@code prompts/rules/*.md}) and every prompt that names it says it the
 * same way.
 */
public final class Prompts {
    private static final Pattern VAR = Pattern.compile("\\{\\{(?:>\\s*([a-zA-Z0-9_/-]+)|([a-zA-Z0-9_.-]+))}}");
    private static final int MAX_DEPTH = 4;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String template(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + n + ".md")) {
                if (in == null) throw new IllegalStateException("no prompt resource prompts/" + n + ".md");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public String render(String name, Map<String, String> vars) {
        return render(name, vars, 0);
    }

    private String render(String name, Map<String, String> vars, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("prompt " + name + " includes prompts more than " + MAX_DEPTH + " deep");
        String template = template(name);
        Matcher m = VAR.matcher(template);
        // Appended by hand rather than with appendReplacement, which re-parses every (large) value for '$' and '\\'.
        StringBuilder out = new StringBuilder(template.length() + 256);
        int last = 0;
        while (m.find()) {
            String v = m.group(1) != null ? render(m.group(1), vars, depth + 1).stripTrailing() : vars.get(m.group(2));
            if (v == null) throw new IllegalArgumentException("prompt " + name + " needs a value for {{" + m.group(2) + "}}");
            out.append(template, last, m.start()).append(v);
            last = m.end();
        }
        return out.append(template, last, template.length()).toString();
    }
}
