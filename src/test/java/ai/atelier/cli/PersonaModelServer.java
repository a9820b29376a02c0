package ai.atelier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A local OpenAI-compatible server (Chat Completions and Images wire formats) that answers every
 * persona of the personas and fine-grained workflows the way a small model would: it reads the
 * ids, visitor and hand-offs out of the prompt it is sent and answers with JSON built from them.
 * Each persona gets its own usage numbers, and every answer served is recorded, so a test can
 * check the report's tokens and costs against what the server said. It can be told to answer one
 * persona's first request with a malformed text, and to answer a persona with an invalid plan
 * whenever the request names the small model (so the call must escalate to succeed).
 */
final class PersonaModelServer extends Dispatcher {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SMALL_MODEL = "gpt-4o-mini", LARGE_MODEL = "gpt-4o";
    static final List<String> PERSONAS = List.of("pain-point-analyst", "offering-matcher", "copywriter-pain-points", "copywriter-offerings",
            "copywriter-hero", "art-director", "developer", "reviewer", "personalizer");

    /** One answer the server gave: which persona, on which model, the usage it reported, what it was asked. */
    record Served(String persona, String model, long inputTokens, long outputTokens, JsonNode request) {}

    final List<Served> served = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> malformedOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> invalidOnSmall = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> images = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Every chat request that reached the server, by persona, answered or refused. */
    final Map<String, Integer> requests = new ConcurrentHashMap<>();

    /** Answers a persona's every request with a 400 (as a provider refuses a request) until {@link #accept}. */
    PersonaModelServer refuse(String persona) {
        refused.add(persona);
        return this;
    }

    PersonaModelServer accept(String persona) {
        refused.remove(persona);
        return this;
    }

    PersonaModelServer malformedFirstAnswer(String persona) {
        malformedOnce.add(persona);
        return this;
    }

    PersonaModelServer invalidOnSmallModel(String persona) {
        invalidOnSmall.add(persona);
        return this;
    }

    int imagesServed() {
        return images.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<Served> served(String persona) {
        synchronized (served) {
            return served.stream().filter(s -> s.persona().equals(persona)).toList();
        }
    }

    /** The server's usage for a persona: distinct per persona so a mix-up between steps shows. */
    static long inputTokens(String persona, String model) {
        return 1000 + 100L * PERSONAS.indexOf(persona) + (model.equals(LARGE_MODEL) ? 7 : 0);
    }

    static long outputTokens(String persona, String model) {
        return 200 + 10L * PERSONAS.indexOf(persona) + (model.equals(LARGE_MODEL) ? 3 : 0);
    }

    /** Catalog list prices per 1M tokens (catalog.yaml): gpt-4o-mini $0.15 / $0.60, gpt-4o $2.50 / $10.00. */
    static double cost(Served s) {
        double in = s.model().equals(LARGE_MODEL) ? 2.50 : 0.15, out = s.model().equals(LARGE_MODEL) ? 10.00 : 0.60;
        return (s.inputTokens() * in + s.outputTokens() * out) / 1_000_000;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        try {
            return answer(r);
        } catch (Exception e) {
            failures.add(e.toString());
            return new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"mock failed: " + e.toString().replace('"', '\'') + "\",\"type\":\"server_error\"}}").build();
        }
    }

    private MockResponse answer(RecordedRequest r) throws Exception {
        if ("GET".equals(r.getMethod()) && r.getUrl().encodedPath().endsWith("/models")) {
            // what Atelier's binding check asks before the first step, as an OpenAI-compatible server answers it
            return ok("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}");
        }
        JsonNode body = JSON.readTree(r.getBody().utf8());
        if (r.getUrl().encodedPath().endsWith("/images/generations")) {
            images.merge(body.path("model").asText(), 1, Integer::sum);
            return ok("{\"created\":1732000000,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(GenerateWithModelsEndToEndTest.PNG) + "\"}]}");
        }
        String system = body.path("messages").get(0).path("content").asText();
        String user = body.path("messages").get(1).path("content").asText();
        String model = body.path("model").asText();
        String persona = persona(system);
        requests.merge(persona, 1, Integer::sum);
        if (refused.contains(persona)) {
            return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"this request is refused by the test\",\"type\":\"invalid_request_error\"}}").build();
        }
        String content;
        if (malformedOnce.remove(persona)) {
            content = "Sure! Here is what I picked: [\"predictive-maintenance\", ";
        } else {
            content = switch (persona) {
                case "pain-point-analyst" -> painPoints(user);
                case "offering-matcher" -> offerings(user);
                case "copywriter-pain-points" -> painPointsCopy(user);
                case "copywriter-offerings" -> offeringsCopy(user);
                case "copywriter-hero" -> heroCopy(user);
                case "art-director" -> visualPlan(user, invalidOnSmall.contains(persona) && model.equals(SMALL_MODEL));
                case "developer" -> between(user, "<specification>", "</specification>");
                case "reviewer" -> "{\"approved\": true, \"notes\": []}";
                case "personalizer" -> personalized(user);
                default -> throw new IllegalStateException("no persona answers this system prompt: " + system.lines().findFirst().orElse(""));
            };
        }
        long in = inputTokens(persona, model), out = outputTokens(persona, model);
        served.add(new Served(persona, model, in, out, body));
        ObjectNode resp = JSON.createObjectNode();
        resp.put("id", "chatcmpl-" + persona).put("object", "chat.completion").put("created", 1732000000).put("model", model + "-2024-07-18");
        ObjectNode choice = resp.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        ObjectNode u = resp.putObject("usage");
        u.put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        u.putObject("prompt_tokens_details").put("cached_tokens", 0);
        return ok(resp.toString());
    }

    static String persona(String system) {
        if (system.startsWith("You are the Pain-Point Analyst")) return "pain-point-analyst";
        if (system.startsWith("You are the Offering Matcher")) return "offering-matcher";
        if (system.startsWith("You are a Copywriter")) {
            return system.contains("names the problems") ? "copywriter-pain-points"
                    : system.contains("matched offerings") ? "copywriter-offerings" : "copywriter-hero";
        }
        if (system.startsWith("You are the Art Director")) return "art-director";
        if (system.startsWith("You are the Front-end Developer")) return "developer";
        if (system.startsWith("You are the Reviewer")) return "reviewer";
        if (system.startsWith("You are the Personalizer")) return "personalizer";
        return "unknown";
    }

    private static String painPoints(String user) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("painPoints");
        ids(between(user, "<knowledge>", "</knowledge>"), "(?m)^\\[([^\\]]+)\\] ", 2).forEach(id -> a.addObject().put("chunkId", id));
        return o.toString();
    }

    private static String offerings(String user) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("offerings");
        ids(between(user, "<offerings>", "</offerings>"), "(?m)^- \\[([^\\]]+)\\] ", 2).forEach(a::add);
        return o.toString();
    }

    private static String painPointsCopy(String user) throws Exception {
        ObjectNode o = JSON.createObjectNode().put("heading", "What slows your plant down").put("body", "The problems our research sees most often.");
        ArrayNode items = o.putArray("items");
        int i = 1;
        String block = between(user, "<pain-points from=\"pain-point analyst\">", "</pain-points>");
        for (String id : ids(block, "(?m)^\\[([^\\]]+)\\] ", 3)) {
            items.addObject().put("chunkId", id).put("title", "Problem " + i++).put("text", quote(block, id));
        }
        return o.toString();
    }

    /** A sentence of the passage the analyst picked, quoted as a faithful copywriter would (the gate traces copy to research). */
    private static String quote(String block, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)\\[" + java.util.regex.Pattern.quote(id) + "\\] [^\\n]*\\n(.*?)(?=\\n\\n\\[|\\z)").matcher(block);
        if (m.find()) {
            for (String sentence : m.group(1).replace("*", "").split("(?<=\\.)\\s+")) {
                String t = sentence.replaceFirst("^\\s*[-+]\\s*", "").strip();
                if (t.length() >= 40 && t.length() <= 380) return t;
            }
        }
        return "A problem the research describes, in plain words.";
    }

    private static String offeringsCopy(String user) throws Exception {
        ObjectNode o = JSON.createObjectNode().put("heading", "How we help").put("body", "Start small and measure what changes.");
        ArrayNode items = o.putArray("items");
        for (String id : ids(between(user, "<offerings from=\"offering matcher\">", "</offerings>"), "(?m)^- \\[([^\\]]+)\\] ", 3)) {
            ObjectNode item = items.addObject().put("offeringId", id).put("text", "What this offering does for a team like yours.");
            item.putArray("points").add("Uses the data you already collect");
        }
        return o.toString();
    }

    private static String heroCopy(String user) {
        String first = visitorField(user, "name").split(" ")[0];
        String org = visitorField(user, "organisation");
        return JSON.createObjectNode().put("title", first + ", a plan for " + org).put("headline", "Fewer surprises ahead, " + first)
                .put("intro", org + " can act on the signals it already has.").put("ctaLabel", "Book a one-hour call")
                .put("ctaText", "A two-week look at your data, with a written report.").toString();
    }

    private static String visualPlan(String user, boolean invalid) throws Exception {
        Set<String> icons = new LinkedHashSet<>();
        String listed = between(user, "<icons from=\"copywriters\">", "</icons>");
        if (!listed.startsWith("(none")) icons.addAll(ids(listed, "(?m)^- ([a-z0-9-]+):", 20));
        ObjectNode o = JSON.createObjectNode();
        // the invalid plan forgets the hero illustration, which the art director's schema requires
        if (!invalid) o.putObject("hero").put("label", "Illustration of a calm plant floor").put("description", "A calm plant floor in the brand colours");
        ArrayNode visuals = o.putArray("icons");
        for (String id : icons) visuals.addObject().put("label", "Icon " + id).put("description", "A simple icon");
        return o.toString();
    }

    private static String personalized(String user) {
        String first = visitorField(user, "name").split(" ")[0];
        String org = visitorField(user, "organisation");
        return GenerateWithModelsEndToEndTest.spec().replace("Priya", first).replace("Raman Precision Castings", org);
    }

    private static String visitorField(String user, String field) {
        Matcher m = Pattern.compile("(?m)^- " + field + ": \"([^\"]*)\"").matcher(between(user, "<visitor>", "</visitor>"));
        if (!m.find()) throw new IllegalStateException("no " + field + " in the visitor block");
        return m.group(1);
    }

    private static List<String> ids(String text, String regex, int max) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find() && out.size() < max) out.add(m.group(1));
        if (out.isEmpty()) throw new IllegalStateException("no ids matching " + regex + " in the prompt");
        return out;
    }

    private static String between(String text, String open, String close) {
        int from = text.indexOf(open);
        int to = text.indexOf(close, from + 1);
        if (from < 0 || to < 0) throw new IllegalStateException("the prompt has no " + open + " block");
        return text.substring(from + open.length(), to).strip();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
