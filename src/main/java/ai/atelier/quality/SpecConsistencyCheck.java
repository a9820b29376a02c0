package ai.atelier.quality;

import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.design.DesignSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;

/**
 * The page is the one the personalizer asked for: every section of the spec is on it (by id and
 * heading), every visual element has an image file that the page shows, the call to action has
 * the spec's label and link, and no image in assets/ is left unused.
 */
final class SpecConsistencyCheck implements QualityCheck {
    @Override
    public String name() {
        return "spec-consistency";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        WebsiteSpec spec = site.spec();
        if (spec == null) return CheckResult.skipped(this, "no spec to compare the page with");
        String text = IndustryFit.norm(site.doc().body() == null ? "" : site.doc().body().text());
        List<String> problems = new ArrayList<>();
        for (WebsiteSpec.Section s : spec.sections()) {
            if (site.doc().getElementById(s.id()) == null) problems.add("section \"" + s.id() + "\" is not on the page (no element with that id)");
            else if (!text.contains(IndustryFit.norm(s.heading()))) problems.add("section \"" + s.id() + "\" heading missing: \"" + Text.clip(s.heading(), 60) + "\"");
        }
        List<String> referenced = new ArrayList<>();
        site.doc().select("[src]").forEach(e -> referenced.add(e.attr("src").replaceFirst("^\\./", "")));
        String css = site.file("styles.css");
        for (VisualElement v : spec.visualElements()) {
            String file = imageFile(site.dir(), v.id());
            if (file == null) problems.add("visual element \"" + v.id() + "\" has no image file in assets/");
            else if (!referenced.contains(file) && (css == null || !css.contains(file.substring("assets/".length())))) {
                problems.add("visual element \"" + v.id() + "\" (" + file + ") is not shown on the page");
            }
        }
        for (String orphan : assets(site.dir())) {
            boolean used = referenced.contains(orphan) || (css != null && css.contains(orphan.substring("assets/".length())));
            if (!used) problems.add("image " + orphan + " is in the folder but the page does not use it");
        }
        WebsiteSpec.CallToAction cta = spec.callToAction();
        if (cta != null) {
            boolean hrefAllowed = DesignSystem.Links.allowed(cta.href(), site.company().policies());
            boolean found = false;
            for (Element a : site.doc().select("a[href]")) {
                if (!IndustryFit.norm(a.text()).equals(IndustryFit.norm(cta.label()))) continue;
                String href = a.attr("href");
                if (href.equals(cta.href()) || (!hrefAllowed && href.startsWith("#"))) found = true;
            }
            if (!found) problems.add("no call-to-action link \"" + Text.clip(cta.label(), 50) + "\" → " + cta.href());
        }
        return problems.isEmpty() ? CheckResult.pass(this, spec.sections().size() + " section(s), " + spec.visualElements().size()
                + " visual element(s) and the call to action are on the page") : CheckResult.fail(this, problems.size() + " difference(s) from the spec", problems);
    }

    private static String imageFile(Path dir, String id) {
        for (String f : assets(dir)) {
            String name = f.substring("assets/".length());
            if (name.startsWith(id + ".") && name.indexOf('.') == id.length()) return f;
        }
        return null;
    }

    private static List<String> assets(Path dir) {
        Path assets = dir.resolve("assets");
        if (!Files.isDirectory(assets)) return List.of();
        try (Stream<Path> s = Files.list(assets)) {
            return s.filter(Files::isRegularFile).map(p -> "assets/" + p.getFileName()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
