package ai.atelier.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a markdown research document into its YAML front matter (title, industry, topic) and body. */
final class FrontMatter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FrontMatter() {}

    static ResearchDoc parse(String id, String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String meta = "";
        String body = t;
        if (t.startsWith("---")) {
            int end = t.indexOf("\n---", 3);
            if (end < 0) throw new ResearchReader.Unusable("has front matter that is never closed with a line '---'");
            meta = t.substring(3, end);
            int bodyStart = t.indexOf('\n', end + 4);
            body = bodyStart < 0 ? "" : t.substring(bodyStart + 1);
        }
        JsonNode n;
        try {
            n = meta.isBlank() ? YAML.createObjectNode() : YAML.readTree(meta);
        } catch (IOException e) {
            throw new ResearchReader.Unusable("has front matter that is not valid YAML" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? ai.atelier.model.JsonErrors.yaml(p) : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (n == null || !n.isObject()) throw new ResearchReader.Unusable("front matter must be a mapping (title, industry, topic)");
        String title = n.hasNonNull("title") ? n.get("title").asText().strip() : firstHeading(body, id);
        List<String> industries = new ArrayList<>();
        JsonNode ind = n.get("industry");
        if (ind == null) ind = n.get("industries");
        if (ind != null && ind.isArray()) ind.forEach(e -> industries.add(e.asText().strip().toLowerCase(Locale.ROOT)));
        else if (ind != null && !ind.isNull()) industries.add(ind.asText().strip().toLowerCase(Locale.ROOT));
        if (industries.isEmpty()) industries.add("general");
        String topic = n.hasNonNull("topic") ? n.get("topic").asText().strip() : "";
        if (body.isBlank()) throw new ResearchReader.Unusable("has no text after its front matter");
        return new ResearchDoc(id, title, industries, topic, body);
    }

    private static String firstHeading(String body, String id) {
        return body.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "").strip())
                .findFirst().orElse(id);
    }
}
