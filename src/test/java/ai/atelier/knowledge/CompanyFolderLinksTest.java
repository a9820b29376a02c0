package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.atelier.AtelierException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The company folder is untrusted input: a link out of it (to a file or a folder) is never
 * followed, a link inside it to a file is, special files are refused, and each skipped entry is
 * named. Before the fix, {@code research/passwd.md -> /etc/passwd} put /etc/passwd on the page.
 */
class CompanyFolderLinksTest {
    private final CompanyLoader loader = new CompanyLoader();

    @Test
    void linksOutOfTheFolderAreSkippedAndNamed(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/etc/passwd")), "needs /etc/passwd to link to");
        Path company = CompanyLoaderTest.copyExample(tmp.resolve("company"));
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.md"), "---\ntitle: Secret\nindustry: general\ntopic: secret\n---\n# Secret\nThe vault code is 4711.\n");
        Files.createSymbolicLink(company.resolve("research/passwd.md"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(company.resolve("research/linked-folder"), outside);
        Files.createSymbolicLink(company.resolve("research/dangling.md"), tmp.resolve("nothing-here.md"));
        // a link that stays inside the folder is an ordinary alias
        Files.createSymbolicLink(company.resolve("research/alias.md"), company.resolve("research/retail-customer-churn.md"));

        Company c = loader.load(company);

        assertThat(c.research()).extracting(ResearchDoc::id).doesNotContain("research/passwd.md", "research/dangling.md")
                .noneMatch(id -> id.startsWith("research/linked-folder")).contains("research/alias.md");
        assertThat(c.research()).allSatisfy(d -> assertThat(d.body()).doesNotContain("root:x:0:0").doesNotContain("4711"));
        assertThat(c.skipped()).extracting(SkippedFile::warning).contains(
                "skipped research/passwd.md: is a link that leads outside the company folder; links are followed only to files inside it",
                "skipped research/linked-folder: is a link that leads outside the company folder; links are followed only to files inside it",
                "skipped research/dangling.md: cannot be read: it is a link whose target does not exist");
    }

    @Test
    void aLinkToAFolderInsideIsNotFollowedEither(@TempDir Path tmp) throws Exception {
        Path company = CompanyLoaderTest.copyExample(tmp.resolve("company"));
        Files.createDirectories(company.resolve("notes"));
        Files.createSymbolicLink(company.resolve("research/notes"), company.resolve("notes"));
        assertThat(loader.load(company).skipped()).extracting(SkippedFile::warning)
                .contains("skipped research/notes: is a link to a folder; links to folders are not followed");
    }

    @Test
    void aRequiredFileLinkedOutOfTheFolderStopsTheLoadNamingIt(@TempDir Path tmp) throws Exception {
        Path company = CompanyLoaderTest.copyExample(tmp.resolve("company"));
        Path outside = tmp.resolve("design.md");
        Files.writeString(outside, "# Not the company's\n");
        Files.delete(company.resolve("design-guidelines.md"));
        Files.createSymbolicLink(company.resolve("design-guidelines.md"), outside);
        assertThatThrownBy(() -> loader.load(company)).isInstanceOf(AtelierException.class)
                .hasMessageContaining("design-guidelines.md is a link that leads outside the company folder");
    }

    @Test
    void aFifoInResearchIsSkippedNotRead(@TempDir Path tmp) throws Exception {
        Path company = CompanyLoaderTest.copyExample(tmp.resolve("company"));
        Path fifo = company.resolve("research/pipe.md");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not installed: cannot make a FIFO to test with");
            return;
        }
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        // reading a FIFO with no writer blocks forever: the load finishing at all is part of the test
        Company c = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> loader.load(company));
        assertThat(c.skipped()).extracting(SkippedFile::warning)
                .contains("skipped research/pipe.md: is not a regular file (a FIFO, device or socket); only plain files are read");
    }
}
