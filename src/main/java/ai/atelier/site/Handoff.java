package ai.atelier.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one step's output is written into another step's prompt. One place, so the prompt a persona
 * sends and the carry-over Atelier measures as coordination overhead are the same text.
 */
public final class Handoff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Handoff() {}

    /** A spec, or any other step output, as the pretty JSON a prompt carries. */
    public static String json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a hand-off as JSON", e);
        }
    }

    public static String spec(WebsiteSpec spec) {
        return json(spec);
    }

    /** The image slots as the front-end developer's prompt lists them. */
    public static String slots(List<ImageSlot> slots) {
        return slots.stream().map(s -> "- " + s.elementId() + " (" + s.kind() + "): src=\"" + s.path() + "\" alt=\"" + s.alt() + "\"")
                .collect(Collectors.joining("\n"));
    }

    /** What the artist's prompt carries of one visual element: its label and its description. */
    public static String visual(VisualElement v) {
        return v.label() + "\n" + v.description();
    }
}
