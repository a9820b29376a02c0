package ai.atelier.site;

/**
 * One image the artist is asked for. {@code id} is a file-name-safe slug (it becomes
 * {@code assets/<id>.<ext>}), {@code label} doubles as alt text, and {@code description} is what the
 * image should show.
 */
public record VisualElement(String id, String label, String description, Kind kind) {
    public enum Kind { HERO, ICON, BACKGROUND }
}
