package ai.atelier.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a visitor's own industry wording onto one of the company's industry keys by meaning, so a
 * page is never built for the wrong industry. First by name: the key itself, any synonym the
 * company folder gives under {@code industries:} in company.yaml, or a shared word stem
 * ("Manufacturer" → manufacturing). Then by embedding similarity (all-MiniLM-L6-v2) between the
 * visitor's wording and each key with its synonyms: the best key counts as the visitor's nearest
 * industry only when its cosine similarity is at least {@link #THRESHOLD} and beats the runner-up
 * by {@link #MARGIN}. Otherwise there is no match, and the stated fallback applies: cross-industry
 * research and general offerings only, never offerings or testimonials sold to another industry.
 * The generator and QA both use this class, so they agree on what "the visitor's industry" is.
 */
public final class IndustryMatcher {
    /** Lowest cosine similarity for a nearest-industry match; measured on MiniLM: "food distribution"→logistics synonyms 0.58, "mining"→manufacturing 0.47 (no match). */
    public static final double THRESHOLD = 0.55;
    /** How far the best industry must beat the second best, so an ambiguous wording matches none. */
    public static final double MARGIN = 0.05;
    private static final Set<String> CROSS_INDUSTRY = Set.of("general", "all");
    private static volatile IndustryMatcher shared;

    private final Embedder embedder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    /** How the visitor's industry was matched: its own key, a company synonym, the nearest by meaning, or none. */
    public enum Kind { EXACT, SYNONYM, NEAREST, NONE }

    /**
     * The outcome: {@code key} is the company's industry key (null for NONE), {@code similarity} the
     * cosine similarity for NEAREST (1 for a name match, the best found for NONE).
     */
    public record Match(String visitorIndustry, String key, Kind kind, double similarity) {
        public boolean found() {
            return key != null;
        }

        /** True when the key is the visitor's own industry by name (exact or a company synonym). */
        public boolean byName() {
            return kind == Kind.EXACT || kind == Kind.SYNONYM;
        }
    }

    public IndustryMatcher(Embedder embedder) {
        this.embedder = embedder;
    }

    /** One matcher per process over the in-process MiniLM model (loaded on first embedding only). */
    public static IndustryMatcher shared() {
        IndustryMatcher m = shared;
        if (m == null) {
            synchronized (IndustryMatcher.class) {
                if (shared == null) shared = new IndustryMatcher(Embedder.allMiniLmL6V2());
                m = shared;
            }
        }
        return m;
    }

    /** Every industry key the company names: in research, offerings, testimonials and company.yaml's industries. */
    public static Set<String> industries(Company c) {
        Set<String> out = new TreeSet<>();
        c.research().forEach(d -> out.addAll(d.industries()));
        c.offerings().forEach(o -> out.addAll(o.industries()));
        c.testimonials().forEach(t -> { if (t.industry() != null) out.add(t.industry().toLowerCase(Locale.ROOT)); });
        out.addAll(c.info().industries().keySet());
        out.removeAll(CROSS_INDUSTRY);
        return out;
    }

    /** True for the markers of cross-industry material ("general", "all"). */
    public static boolean crossIndustry(Collection<String> industries) {
        return industries.stream().anyMatch(CROSS_INDUSTRY::contains);
    }

    public Match match(String visitorIndustry, Company c) {
        return match(visitorIndustry, industries(c), c.info().industries());
    }

    public Match match(String visitorIndustry, Set<String> keys, Map<String, List<String>> synonyms) {
        String v = visitorIndustry == null ? "" : visitorIndustry.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || keys.isEmpty()) return new Match(visitorIndustry, null, Kind.NONE, 0);
        String sv = squash(v);
        for (String k : keys) if (squash(k).equals(sv)) return new Match(visitorIndustry, k, Kind.EXACT, 1);
        for (String k : keys) {
            for (String s : synonyms.getOrDefault(k, List.of())) if (squash(s).equals(sv)) return new Match(visitorIndustry, k, Kind.SYNONYM, 1);
        }
        for (String k : keys) if (sameStem(v, k)) return new Match(visitorIndustry, k, Kind.EXACT, 1);
        for (String k : keys) {
            for (String s : synonyms.getOrDefault(k, List.of())) if (sameStem(v, s)) return new Match(visitorIndustry, k, Kind.SYNONYM, 1);
        }
        float[] x = vector(v);
        String best = null;
        double bestSim = -1, second = -1;
        for (String k : keys) {
            double sim = dot(x, vector(k));
            for (String s : synonyms.getOrDefault(k, List.of())) sim = Math.max(sim, dot(x, vector(s)));
            if (sim > bestSim) {
                second = bestSim;
                bestSim = sim;
                best = k;
            } else if (sim > second) {
                second = sim;
            }
        }
        if (bestSim >= THRESHOLD && bestSim - second >= MARGIN) return new Match(visitorIndustry, best, Kind.NEAREST, bestSim);
        return new Match(visitorIndustry, null, Kind.NONE, Math.max(0, bestSim));
    }

    /** Whether {@code industries} (an offering's, a document's, a testimonial's) fits the match: its key, or cross-industry. */
    public static boolean fits(Match m, Collection<String> industries) {
        return crossIndustry(industries) || (m.found() && industries.contains(m.key()));
    }

    /** Whether something sold to {@code industries} may be shown to a visitor so matched: their industry, or every industry the company serves. */
    public static boolean fitsVisitor(Collection<String> industries, Match m, Company c) {
        return fits(m, industries) || general(industries, c);
    }

    /** Cross-industry: marked general/all, or listing every industry the company names. */
    public static boolean general(Collection<String> industries, Company c) {
        Set<String> all = industries(c);
        return crossIndustry(industries) || (all.size() >= 2 && industries.containsAll(all));
    }

    private float[] vector(String text) {
        return vectors.computeIfAbsent(text.replace('-', ' ').replace('_', ' '), embedder::embed);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += a[i] * b[i];
        return d;
    }

    /** Every word of the visitor's wording is a word of {@code name} (or shares its first five letters with one). */
    private static boolean sameStem(String visitor, String name) {
        List<String> vt = Terms.of(visitor), nt = Terms.of(name);
        if (vt.isEmpty() || nt.isEmpty()) return false;
        for (String t : vt) {
            boolean found = false;
            for (String kt : nt) {
                if (t.equals(kt) || (t.length() >= 5 && kt.length() >= 5 && t.startsWith(kt.substring(0, 5)) && kt.startsWith(t.substring(0, 5)))) found = true;
            }
            if (!found) return false;
        }
        return true;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
