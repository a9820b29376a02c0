package ai.atelier.runs;

import ai.atelier.AtelierException;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example visitors shipped in {@code examples/profiles/}, offered by the web UI as a starting
 * point. Each is validated like any profile; a file that does not pass is left out rather than
 * offered and then refused.
 */
public final class ExampleProfiles {
    /** One example: its file stem, a label for a picker, and the profile JSON text as shipped. */
    public record Example(String name, String label, String industry, String json) {}

    private final Path dir;

    public ExampleProfiles(Path dir) {
        this.dir = dir;
    }

    public List<Example> list() {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    if (!Files.isRegularFile(f) || Files.size(f) > ProfileReader.MAX_PROFILE_BYTES) continue;
                    String json = Files.readString(f, StandardCharsets.UTF_8);
                    Profile p = new ProfileReader().parse(json);
                    String stem = f.getFileName().toString().replaceFirst("\\.json$", "");
                    String label = p.name() + (p.company() != null ? ", " + p.company() : "") + " (" + p.industry() + ")";
                    out.add(new Example(stem, label, p.industry(), json));
                } catch (AtelierException | IOException e) {
                    // not a valid example: leave it out of the picker
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
