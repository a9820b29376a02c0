package ai.atelier.quality;

import ai.atelier.knowledge.ResearchDoc;
import ai.atelier.site.VisitorText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copy reads as written for this visitor: no template filler (resources/quality/filler.txt),
 * no untailored alternatives ("per part or per store", "machine's or vehicle's", "and/or"), no
 * research document's title standing in for a pain point, and no text that looks like markup,
 * template syntax, code, a URL or an instruction (visitor text that escaped hygiene, or a model
 * that echoed its prompt). Each problem costs a quarter of the credit; any problem fails the check.
 */
final class CopyQualityCheck implements QualityCheck {
    private static final List<String> FILLER = load();
    private static final Pattern ALTERNATIVES = Pattern.compile("(?i)\\bper (\\w+) or per (\\w+)\\b|\\b(\\w+)'s or (\\w+)'s\\b|\\band/or\\b|\\b\\w+\\(s\\)");

    @Override
    public String name() {
        return "copy-quality";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> problems = new ArrayList<>();
        String body = PageText.norm(site.doc().body() == null ? "" : site.doc().body().text());
        for (String f : FILLER) if (body.contains(f)) problems.add("template filler: \"" + f + "\"");
        Matcher m = ALTERNATIVES.matcher(site.doc().body() == null ? "" : site.doc().body().text());
        while (m.find() && problems.size() < 20) problems.add("untailored alternatives: \"" + m.group() + "\"");
        List<String> titles = site.company().research().stream().map(ResearchDoc::title).map(PageText::norm).toList();
        site.doc().select("h3, h4, dt").forEach(h -> {
            if (titles.contains(PageText.norm(h.text()))) problems.add("a research document's title as a heading: \"" + Text.clip(h.text(), 70) + "\"");
        });
        for (PageText.Sentence s : PageText.sentences(site)) {
            String why = VisitorText.unfit(s.text());
            if (why != null && problems.size() < 20) problems.add("text that looks like " + why + " in <" + s.where() + ">: \"" + Text.clip(s.text(), 80) + "\"");
        }
        site.doc().select("[alt], [title], [aria-label]").forEach(e -> {
            for (String a : List.of("alt", "title", "aria-label")) {
                String why = VisitorText.unfit(e.attr(a));
                if (why != null && problems.size() < 20) problems.add("attribute " + a + " looks like " + why + ": \"" + Text.clip(e.attr(a), 60) + "\"");
            }
        });
        double credit = Math.max(0, 1 - 0.25 * problems.size());
        return (problems.isEmpty() ? CheckResult.pass(this, "no filler, untailored alternatives or markup-like text")
                : CheckResult.fail(this, problems.size() + " copy problem(s)", problems)).withCredit(credit, List.of());
    }

    private static List<String> load() {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(CopyQualityCheck.class.getResourceAsStream("/quality/filler.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(PageText.norm(line.strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
