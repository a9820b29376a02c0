package ai.atelier.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * HTML conformance as the W3C Nu HTML checker judges it, run in-process with its bundled schemas
 * (no network). Errors fail the check, each located by line and column; warnings are listed in the
 * details but do not fail it, since the checker's warnings are advice, not conformance errors.
 */
final class HtmlValidityCheck implements QualityCheck {
    private static final int MAX_LOCATIONS = 25;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "html-validity";
    }

    @Override
    public boolean heavy() {
        return true;
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        if (site.html().isBlank()) return CheckResult.fail(this, "index.html is missing or empty", List.of("index.html"));
        String out;
        try {
            out = NuChecker.shared().check(site.html(), 0);
        } catch (Exception e) {
            return CheckResult.fail(this, "the Nu HTML checker could not run: " + e, List.of());
        }
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        try {
            for (JsonNode m : json.readTree(out).path("messages")) {
                String type = m.path("type").asText();
                boolean error = "error".equals(type) || "non-document-error".equals(type) || "fatal".equals(m.path("subType").asText());
                if (!error) {
                    warnings++;
                    continue;
                }
                int line = m.path("lastLine").asInt(m.path("firstLine").asInt(0));
                int col = m.path("firstColumn").asInt(m.path("lastColumn").asInt(0));
                if (errors.size() < MAX_LOCATIONS) errors.add("index.html:" + line + ":" + col + ": " + m.path("message").asText());
                else if (errors.size() == MAX_LOCATIONS) errors.add("… more errors not listed");
            }
        } catch (Exception e) {
            return CheckResult.fail(this, "unreadable Nu HTML checker output: " + e.getMessage(), List.of());
        }
        String w = warnings == 0 ? "" : " (" + warnings + " warning(s), advisory)";
        return errors.isEmpty() ? CheckResult.pass(this, "conforms to HTML (W3C Nu HTML checker)" + w)
                : CheckResult.fail(this, errors.size() + " HTML conformance error(s) (W3C Nu HTML checker)" + w, errors);
    }
}
