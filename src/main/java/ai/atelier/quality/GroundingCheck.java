package ai.atelier.quality;

import ai.atelier.knowledge.Terms;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every factual claim and number on the page is traceable to the company's files or the visitor's
 * own profile. Each sentence gets its provenance: the file it is quoted from, or the one it
 * paraphrases (most of its words in one passage). A number must appear in a source passage that
 * shares the sentence's words, so an invented figure fails the page. Credit: the share of numbers
 * grounded (70%) and the share of long sentences with a provenance (30%).
 */
final class GroundingCheck implements QualityCheck {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:[.,]\\d+)*%?");
    private static final int LONG_SENTENCE_WORDS = 10;

    @Override
    public String name() {
        return "grounding";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        Map<String, String> sources = PageText.sources(site.company());
        String visitor = site.profile() == null ? "" : PageText.norm(visitorText(site.profile()));
        List<String> invented = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        int numbers = 0, groundedNumbers = 0, longOnes = 0, longSourced = 0;
        for (PageText.Sentence s : PageText.sentences(site)) {
            String n = PageText.norm(s.text());
            String source = provenance(n, sources);
            List<String> words = Terms.of(n);
            boolean isLong = words.size() >= LONG_SENTENCE_WORDS;
            if (isLong) {
                longOnes++;
                if (source != null) longSourced++;
            }
            Matcher m = NUMBER.matcher(s.text());
            List<String> bad = new ArrayList<>();
            boolean anyNumber = false;
            while (m.find()) {
                anyNumber = true;
                numbers++;
                if (numberGrounded(m.group(), words, source, sources, visitor)) groundedNumbers++;
                else bad.add(m.group());
            }
            if (!bad.isEmpty()) invented.add("\"" + Text.clip(s.text(), 90) + "\": " + String.join(", ", bad) + " not in the company's files");
            if ((source != null || anyNumber) && evidence.size() < 60) {
                evidence.add(Text.clip(s.text(), 70) + " ← " + (source != null ? source : bad.isEmpty() ? "figures in the company's files" : "NO SOURCE"));
            }
        }
        double numberShare = numbers == 0 ? 1 : (double) groundedNumbers / numbers;
        double sourcedShare = longOnes == 0 ? 1 : (double) longSourced / longOnes;
        double credit = 0.7 * numberShare + 0.3 * Math.min(1, sourcedShare / 0.6);
        String summary = groundedNumbers + " of " + numbers + " figures and " + longSourced + " of " + longOnes + " long sentences traced to the company's files";
        CheckResult r = invented.isEmpty() ? CheckResult.pass(this, summary) : CheckResult.fail(this, invented.size() + " sentence(s) with figures found in no company file; " + summary, invented);
        return r.withCredit(invented.isEmpty() ? credit : Math.min(credit, 0.5), evidence);
    }

    /** The company file a sentence is quoted from, or paraphrases (at least 70% of its words in one sentence of it); null if none. */
    static String provenance(String sentence, Map<String, String> sources) {
        String core = sentence.replaceAll("[\"“”…]+", "").strip();
        if (core.length() >= 12) {
            for (var e : sources.entrySet()) if (e.getValue().contains(core)) return e.getKey();
        }
        List<String> words = Terms.of(sentence);
        if (words.size() < 4) return null;
        String best = null;
        double bestShare = 0;
        for (var e : sources.entrySet()) {
            for (String part : e.getValue().split("(?<=[.!?])\\s+|\\n")) {
                if (part.length() < 20) continue;
                Set<String> have = new HashSet<>(Terms.of(part));
                long hit = words.stream().filter(have::contains).count();
                double share = (double) hit / words.size();
                if (share > bestShare) {
                    bestShare = share;
                    best = e.getKey();
                }
            }
        }
        return bestShare >= 0.7 ? best : null;
    }

    private static boolean numberGrounded(String number, List<String> words, String source, Map<String, String> sources, String visitor) {
        String num = number.replace(",", "");
        Pattern p = Pattern.compile("(?<![\\w.])" + Pattern.quote(number) + "(?![\\d])");
        Pattern p2 = Pattern.compile("(?<![\\w.])" + Pattern.quote(num) + "(?![\\d])");
        if (source != null && (p.matcher(sources.get(source)).find() || p2.matcher(sources.get(source)).find())) return true;
        if (p.matcher(visitor).find()) return true;
        Set<String> mine = new HashSet<>(words);
        for (String text : sources.values()) {
            for (String part : text.split("(?<=[.!?])\\s+|\\n")) {
                if (!p.matcher(part).find() && !p2.matcher(part).find()) continue;
                long shared = Terms.of(part).stream().distinct().filter(mine::contains).count();
                if (shared >= 2 || words.size() <= 3) return true;
            }
        }
        return false;
    }

    private static String visitorText(Profile raw) {
        Profile p = VisitorText.forCopy(raw);
        return String.join("\n", p.name(), String.valueOf(p.company()), String.valueOf(p.role()), String.valueOf(p.mission()),
                String.valueOf(p.location()), String.valueOf(p.companyType()), p.companySize() == null ? "" : String.valueOf(p.companySize()),
                String.join("\n", p.interests()));
    }
}
