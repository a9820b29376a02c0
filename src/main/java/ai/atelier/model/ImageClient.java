package ai.atelier.model;

/**
 * One way to ask any image model for one picture. Providers implement it; {@link MeteredImages}
 * wraps it with the same budget, retry, concurrency and metering rules as chat calls.
 */
public interface ImageClient {
    ImageResult generate(ImageRequest request);

    /** A picture to draw: who asks and why (for the trace), the prompt, size ("1024x1024") and quality. */
    record ImageRequest(String role, String purpose, String prompt, String size, String quality) {}

    /** The picture's bytes and media type, and the model that drew it. */
    record ImageResult(byte[] data, String mediaType, String model) {}
}
