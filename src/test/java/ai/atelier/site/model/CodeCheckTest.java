package ai.atelier.site.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.site.ImageSlot;
import ai.atelier.site.VisualElement;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeCheckTest {
    private final CodeCheck check = new CodeCheck();
    private final List<ImageSlot> slots = List.of(new ImageSlot("hero", "assets/hero.png", "A foundry", VisualElement.Kind.HERO));

    private static CodeFiles files(String html, String css) {
        return new CodeFiles(List.of(new CodeFiles.File("index.html", html), new CodeFiles.File("styles.css", css)));
    }

    @Test
    void acceptsASelfContainedPageAndAddsTheCsp() {
        CodeFiles ok = files("<!DOCTYPE html><html lang=\"en\"><head><title>x</title><link rel=\"stylesheet\" href=\"styles.css\"></head>"
                + "<body><main><h1>Hi</h1><img src=\"assets/hero.png\" alt=\"A foundry\"><a href=\"https://www.lanternfold.example/\">Us</a></main></body></html>",
                "body{color:#111} .hero{background:url(assets/hero.png)}");
        assertThat(check.validate(ok, slots)).isEmpty();
        assertThat(check.toSiteFiles(ok).get(0).asText()).contains("Content-Security-Policy");
    }

    @Test
    void rejectsExternalLoadsHandlersAndUnsafePaths() {
        CodeFiles bad = new CodeFiles(List.of(
                new CodeFiles.File("index.html", "<html><head><script src=\"https://cdn.example.com/x.js\"></script>"
                        + "<link rel=\"stylesheet\" href=\"//fonts.example.com/f.css\"></head><body onload=\"x()\"><img src=\"http://evil.example/p.png\">"
                        + "<iframe src=\"a.html\"></iframe><script>fetch('/x')</script></body></html>"),
                new CodeFiles.File("styles.css", "@import url(https://fonts.example.com/a.css); body{background:url('https://x.example/b.png')}"),
                new CodeFiles.File("../escape.js", "alert(1)"),
                new CodeFiles.File("script.js", "fetch('https://api.example.com')")));
        List<String> errors = check.validate(bad, slots);
        assertThat(String.join("\n", errors)).contains("cdn.example.com").contains("fonts.example.com").contains("onload")
                .contains("http://evil.example/p.png").contains("<iframe>").contains("inline <script>").contains("x.example/b.png")
                .contains("\"../escape.js\" is not allowed").contains("must not fetch");
    }
}
