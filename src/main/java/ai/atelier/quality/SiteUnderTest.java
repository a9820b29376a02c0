package ai.atelier.quality;

import ai.atelier.knowledge.Company;
import ai.atelier.site.Profile;
import ai.atelier.site.WebsiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * A generated site as QA sees it: the folder on disk, its page parsed once, and what it was made
 * from (spec, visitor, company). Spec and profile may be null when checking a page on its own.
 */
public record SiteUnderTest(Path dir, String html, Document doc, int parseErrors, WebsiteSpec spec, Profile profile, Company company) {

    public static SiteUnderTest of(Path dir, WebsiteSpec spec, Profile profile, Company company) {
        Path index = dir.resolve("index.html");
        String html;
        try {
            html = Files.isRegularFile(index) ? Files.readString(index, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Parser parser = Parser.htmlParser().setTrackErrors(200);
        Document doc = Jsoup.parse(html, "", parser);
        return new SiteUnderTest(dir, html, doc, parser.getErrors().size(), spec, profile, company);
    }

    /** Text of a file of the site, or null if it does not exist. */
    /** Whether a site-relative file exists inside the folder (binary files included, e.g. PNG images). */
    public boolean exists(String relative) {
        Path p = dir.resolve(relative).normalize();
        return p.startsWith(dir.normalize()) && Files.isRegularFile(p);
    }

    public String file(String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) return null;
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
