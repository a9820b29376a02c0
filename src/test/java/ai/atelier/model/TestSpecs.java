package ai.atelier.model;

import java.time.Duration;

/** Model specs for tests. */
public final class TestSpecs {
    private TestSpecs() {}

    public static ModelSpec spec(String name, String provider, String modelId, String baseUrl, String keyEnv) {
        return spec(name, provider, modelId, baseUrl, keyEnv, Duration.ofSeconds(20));
    }

    public static ModelSpec spec(String name, String provider, String modelId, String baseUrl, String keyEnv, Duration timeout) {
        return new ModelSpec(name, provider, modelId, baseUrl, keyEnv, "us-east-1", null, timeout, 2, 2,
                ModelSpec.StructuredOutput.NATIVE, 1024, "1024x1024", "standard");
    }

    public static ChatRequest json(String schema) {
        return new ChatRequest("personalizer", "personalize", "You are a test.", "Say hello as JSON.", schema, 256, null);
    }

    public static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"greeting\":{\"type\":\"string\"},\"count\":{\"type\":\"integer\"}},"
            + "\"required\":[\"greeting\",\"count\"],\"additionalProperties\":false}";
}
