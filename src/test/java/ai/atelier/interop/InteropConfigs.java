package ai.atelier.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Configs that bind every text role of the three workflows to one OpenAI-compatible model (the artist stays built in). */
public final class InteropConfigs {
    public static final List<String> TEXT_ROLES = List.of("personalizer", "frontend-developer", "single-llm", "pain-point-analyst",
            "offering-matcher", "copywriter-pain-points", "copywriter-offerings", "copywriter-hero", "art-director", "layout-developer", "reviewer");

    private InteropConfigs() {}

    public static Path allTextRoles(Path dir, String baseUrl, int maxTokens) throws Exception {
        Files.createDirectories(dir);
        Path c = dir.resolve("atelier.yaml");
        StringBuilder roles = new StringBuilder();
        for (String r : TEXT_ROLES) roles.append("  ").append(r).append(": tiny\n");
        Files.writeString(c, """
                models:
                  tiny: {provider: openai, model: tiny-random-llama, baseUrl: "%s", timeout: 600s, maxRetries: 0, concurrency: 2, maxOutputTokens: %d}
                roles:
                %s""".formatted(baseUrl, maxTokens, roles));
        return c;
    }
}
