package ai.atelier.site;

import java.nio.charset.StandardCharsets;

/** A file of the generated site, by its path relative to the site folder. */
public record SiteFile(String path, byte[] data) {
    public static SiteFile text(String path, String text) {
        return new SiteFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public String asText() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
