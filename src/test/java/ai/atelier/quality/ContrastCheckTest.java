package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contrast from the page's own CSS: custom properties, the cascade, inheritance and translucent backgrounds. */
class ContrastCheckTest {
    private static CheckResult check(Path dir, String css, String body) throws Exception {
        Files.writeString(dir.resolve("styles.css"), css);
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><title>t</title><link rel=stylesheet href=styles.css></head><body>"
                + body + "</body></html>");
        var company = new ai.atelier.knowledge.CompanyLoader().load(Path.of("examples/company"));
        return new ContrastCheck().check(SiteUnderTest.of(dir, null, null, company));
    }

    @Test
    void readsCustomPropertiesAndInheritance(@TempDir Path dir) throws Exception {
        CheckResult ok = check(dir, ":root { --ink: #111; --paper: #FFF; } body { color: var(--ink); background: var(--paper); }", "<p>fine</p>");
        assertThat(ok.status()).isEqualTo(CheckResult.Status.PASS);
        CheckResult bad = check(dir, ":root { --ink: #999; } body { color: var(--ink); } .x { color: #222 }", "<p>grey</p><p class=x>dark</p>");
        assertThat(bad.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(bad.locations()).hasSize(1);
        assertThat(bad.locations().get(0)).contains("<p>", "grey", "#999999 on #FFFFFF");
    }

    @Test
    void moreSpecificRulesWinAndHoverIsIgnored(@TempDir Path dir) throws Exception {
        CheckResult r = check(dir, ".card p { color: #FFFFFF; } p { color: #000000; } .card { background: #000000; } a:hover { color: #FFF; }",
                "<div class=card><p>white on black</p></div><p>black on white <a href=#x>link</a></p>");
        assertThat(r.status()).as(r.locations().toString()).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void translucentBackgroundsAreBlendedAndMediaRulesRead(@TempDir Path dir) throws Exception {
        CheckResult r = check(dir, "@media (min-width: 1px) { .band { background: rgba(0, 0, 0, 0.5); color: #333; } }", "<section class=band><p>dim</p></section>");
        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.locations().get(0)).contains("#333333 on #808080");
    }

    @Test
    void specificityCountsIdsClassesAndTypes() {
        assertThat(ContrastCheck.specificity("#a .b p")).containsExactly(1, 1, 1);
        assertThat(ContrastCheck.specificity(".band:nth-of-type(even)")).containsExactly(0, 2, 0);
        assertThat(ContrastCheck.specificity("ul li a[href]")).containsExactly(0, 1, 3);
    }
}
