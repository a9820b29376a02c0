package ai.atelier.site.rules;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in personalizer's copy templates, from {@code builtin/copy.properties}. */
final class Copy {
    private static final Pattern VAR = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[\\[(.*?)]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private final Properties templates;

    private Copy(Properties templates) {
        this.templates = templates;
    }

    static Copy load() {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Copy.class.getResourceAsStream("/builtin/copy.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Copy(p);
    }

    String fill(String key, VisitorWords words) {
        String t = templates.getProperty(key);
        if (t == null) throw new IllegalStateException("builtin/copy.properties has no " + key);
        // [[…]] is left out when any placeholder inside it has no words for this visitor
        Matcher opt = OPTIONAL.matcher(t);
        StringBuilder kept = new StringBuilder();
        while (opt.find()) {
            Matcher v = VAR.matcher(opt.group(1));
            boolean complete = true;
            while (v.find()) if (words.get(v.group(1)).isBlank()) complete = false;
            opt.appendReplacement(kept, Matcher.quoteReplacement(complete ? opt.group(1) : ""));
        }
        opt.appendTail(kept);
        Matcher m = VAR.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(words.get(m.group(1))));
        m.appendTail(out);
        String s = SPACES.matcher(out).replaceAll(" ").strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
