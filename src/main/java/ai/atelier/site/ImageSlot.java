package ai.atelier.site;

import java.util.List;

/**
 * Where the page will find the image for one visual element, known before the artist finishes so
 * that the artist and the front-end developer can work at the same time.
 */
public record ImageSlot(String elementId, String path, String alt, VisualElement.Kind kind) {

    /** The slots for every visual element of a spec, given the artist's file extension. */
    public static List<ImageSlot> plan(WebsiteSpec spec, String extension) {
        return spec.visualElements().stream()
                .map(v -> new ImageSlot(v.id(), "assets/" + v.id() + "." + extension, v.label(), v.kind()))
                .toList();
    }
}
