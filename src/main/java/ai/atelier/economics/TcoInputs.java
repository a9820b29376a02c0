package ai.atelier.economics;

import ai.atelier.AtelierException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a user types for {@code atelier tco} into a {@link TcoPlan}: rates as fractions or
 * percentages ("0.05" or "5%"), per-site costs from a comparison report and/or name=usd pairs
 * (given ones win), engineering costs as name=upfront:monthly. Each mistake gets a one-line
 * message that says how to write it.
 */
public final class TcoInputs {
    private TcoInputs() {}

    /** A rate: "0.05" or "5%". */
    public static double rate(String text, String option) {
        String t = text.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new AtelierException(option + " must be a number like 0.05 or 5%, got \"" + text + "\"", option, null);
        }
    }

    public static TcoPlan plan(double sites, String growth, int months, String cacheHitRate, Path fromCompare, boolean estimated,
                               Map<String, String> designs, Map<String, String> engineering) {
        return plan(sites, growth, months, cacheHitRate, fromCompare, estimated, List.of(), designs, engineering);
    }

    /**
     * As above, with atelier batch reports ({@code fromBatch}: batch folders or their batch.json): each workflow
     * they measured becomes a design whose cost per site follows the measured points as volume grows
     * ({@link BatchCosts}); a batch design replaces a compare design of the same name, a --design replaces both.
     */
    public static TcoPlan plan(double sites, String growth, int months, String cacheHitRate, Path fromCompare, boolean estimated,
                               List<Path> fromBatch, Map<String, String> designs, Map<String, String> engineering) {
        Map<String, Double> perSite = new LinkedHashMap<>();
        Map<String, List<TcoPlan.CostPoint>> curves = new LinkedHashMap<>();
        if (fromCompare != null) perSite.putAll(CompareCosts.read(fromCompare, estimated));
        if (fromBatch != null && !fromBatch.isEmpty()) {
            curves.putAll(BatchCosts.read(fromBatch));
            curves.forEach((name, points) -> perSite.put(name, points.get(points.size() - 1).costPerSiteUsd()));
        }
        if (designs != null) designs.keySet().forEach(name -> curves.remove(name.strip()));
        if (designs != null) designs.forEach((name, usd) -> perSite.put(name.strip(), number(usd, "--design " + name, "name=usd, e.g. personas=0.0021")));
        Map<String, double[]> eng = new LinkedHashMap<>();
        if (engineering != null) {
            engineering.forEach((name, v) -> {
                String[] parts = v.split(":");
                if (parts.length != 2) throw new AtelierException("--engineering " + name + "=" + v + " must be name=upfront:monthly, e.g. personas=20000:1500", "engineering", null);
                eng.put(name.strip(), new double[] {number(parts[0], "--engineering " + name, "name=upfront:monthly"),
                        number(parts[1], "--engineering " + name, "name=upfront:monthly")});
            });
        }
        for (String name : eng.keySet()) {
            if (!perSite.containsKey(name)) {
                throw new AtelierException("--engineering names design \"" + name + "\", which has no cost per site; designs: " + String.join(", ", perSite.keySet()), "engineering", null);
            }
        }
        List<TcoPlan.Design> list = new ArrayList<>();
        perSite.forEach((name, usd) -> {
            double[] e = eng.getOrDefault(name, new double[] {0, 0});
            list.add(new TcoPlan.Design(name, usd, e[0], e[1], curves.getOrDefault(name, List.of())));
        });
        return new TcoPlan(sites, rate(growth, "--growth"), months, rate(cacheHitRate, "--cache-hit-rate"), list);
    }

    private static double number(String s, String option, String form) {
        try {
            double v = Double.parseDouble(s.strip().replace("$", "").replace(",", ""));
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new AtelierException(option + ": \"" + s + "\" is not a number; write " + form, option, null);
        }
    }
}
