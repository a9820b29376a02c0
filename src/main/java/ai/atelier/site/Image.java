package ai.atelier.site;

/** One finished image, ready to be written under assets/. */
public record Image(String elementId, String path, String mediaType, byte[] data, String alt) {}
