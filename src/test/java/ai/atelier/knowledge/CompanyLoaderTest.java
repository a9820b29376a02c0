package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyLoaderTest {
    private final CompanyLoader loader = new CompanyLoader();

    @Test
    void loadsTheExampleCompany() {
        Company c = loader.load(Path.of("examples/company"));
        assertThat(c.info().name()).isNotBlank();
        assertThat(c.info().brand().primary()).matches("#[0-9A-F]{6}");
        assertThat(c.researchedIndustries()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(c.offerings()).isNotEmpty();
        assertThat(c.policies().requiredDisclaimer()).isNotBlank();
        assertThat(c.research()).allSatisfy(d -> assertThat(d.id()).startsWith("research/"));
    }

    @Test
    void missingFolderAndFilesAreNamed(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> loader.load(tmp.resolve("none"))).hasMessageContaining("company folder not found");
        Path copy = copyExample(tmp);
        Files.delete(copy.resolve("policies.yaml"));
        assertThatThrownBy(() -> loader.load(copy)).isInstanceOf(AtelierException.class)
                .hasMessageContaining("company file policies.yaml is missing");
    }

    @Test
    void malformedFilesAreNamed(@TempDir Path tmp) throws IOException {
        Path copy = copyExample(tmp);
        Files.writeString(copy.resolve("offerings.yaml"), "- id: [unclosed\n  name: x");
        assertThatThrownBy(() -> loader.load(copy)).hasMessageContaining("offerings.yaml is not valid YAML");

        Path copy2 = copyExample(tmp.resolve("b"));
        String yaml = Files.readString(copy2.resolve("company.yaml")).replaceFirst("primary: \"#[0-9A-Fa-f]{6}\"", "primary: \"teal\"");
        Files.writeString(copy2.resolve("company.yaml"), yaml);
        assertThatThrownBy(() -> loader.load(copy2)).hasMessageContaining("brand.primary must be a colour like \"#1A2B3C\", got \"teal\"");

        Path copy3 = copyExample(tmp.resolve("c"));
        Files.writeString(copy3.resolve("offerings.yaml"), "- name: No id\n  summary: s\n");
        assertThatThrownBy(() -> loader.load(copy3)).hasMessageContaining("offerings.yaml entry 1 is missing \"id\"");
    }

    @Test
    void aMinimalCompanyOfAnotherShapeLoads(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("research"));
        Files.writeString(tmp.resolve("company.yaml"), "name: Tiny Bakery Supplies\nbrand: {primary: \"#123456\", accent: \"#AA3300\", background: \"#FFFFFF\", text: \"#111111\"}\n");
        Files.writeString(tmp.resolve("offerings.yaml"), "- {id: flour, name: Flour Club, summary: Monthly flour, industries: [food]}\n");
        Files.writeString(tmp.resolve("testimonials.yaml"), "[]\n");
        Files.writeString(tmp.resolve("design-guidelines.md"), "# Be kind\n");
        Files.writeString(tmp.resolve("policies.yaml"), "bannedPhrases: []\nallowedLinkDomains: []\n");
        Company c = loader.load(tmp);
        assertThat(c.research()).isEmpty();
        assertThat(c.info().contact().url()).isNull();
        assertThat(c.policies().requiredDisclaimer()).isNull();
    }

    static Path copyExample(Path target) throws IOException {
        Path src = Path.of("examples/company");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }
}
