package ai.atelier.site;

import ai.atelier.model.Shape;

/**
 * One image the artist is asked for. {@code id} is a file-name-safe slug (it becomes
 * {@code assets/<id>.<ext>}), {@code label} doubles as alt text, and {@code description} is what the
 * image should show.
 */
public record VisualElement(@Shape(minLength = 1, maxLength = 40) String id,
                            @Shape(minLength = 1, maxLength = 200) String label,
                            @Shape(minLength = 1, maxLength = 1000) String description,
                            Kind kind) {
    public enum Kind { HERO, ICON, BACKGROUND }
}
