package ai.atelier.economics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders a TCO projection: the month-by-month table (markdown), tco.json, and the cumulative-cost chart tco.png. */
public final class TcoWriter {
    private static final ObjectMapper JSON = ai.atelier.model.Money.json(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

    /** The table: per month the sites, and per design that month's cost and the cumulative cost. */
    public static String table(TcoProjection p) {
        StringBuilder b = new StringBuilder("| month | sites |");
        StringBuilder rule = new StringBuilder("|---:|---:|");
        for (TcoPlan.Design d : p.plan().designs()) {
            b.append(' ').append(d.name()).append(" month (USD) | ").append(d.name()).append(" cumulative (USD) |");
            rule.append("---:|---:|");
        }
        b.append('\n').append(rule).append('\n');
        for (TcoProjection.Month m : p.months()) {
            b.append("| ").append(m.month() == 0 ? "0 (up front)" : m.month()).append(" | ").append(String.format(Locale.ROOT, "%,.0f", m.sites())).append(" |");
            for (int d = 0; d < m.monthlyUsd().size(); d++) {
                b.append(' ').append(usd(m.monthlyUsd().get(d))).append(" | ").append(usd(m.cumulativeUsd().get(d))).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static String breakEvens(TcoProjection p) {
        StringBuilder b = new StringBuilder();
        for (TcoProjection.BreakEven be : p.breakEvens()) b.append("- ").append(be.verdict()).append('\n');
        return b.toString();
    }

    public static String assumptions(TcoPlan plan) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%,.0f sites in month 1, growing %.1f%% a month, over %d months; %.0f%% of sites served from cache at no model cost.%n",
                plan.sitesPerMonth(), plan.growthPerMonth() * 100, plan.months(), plan.cacheHitRate() * 100));
        for (TcoPlan.Design d : plan.designs()) {
            b.append(String.format(Locale.ROOT, "- %s: %s per site, engineering %s up front and %s a month%n", d.name(),
                    d.costPerSiteUsd() < 1 ? String.format(Locale.ROOT, "$%.6f", d.costPerSiteUsd()) : usd(d.costPerSiteUsd()),
                    usd(d.upfrontUsd()), usd(d.monthlyUsd())));
        }
        return b.toString();
    }

    /** Writes tco.md, tco.json and tco.png into {@code dir}. */
    public void write(TcoProjection p, String costSource, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("tco.json"), JSON.writeValueAsBytes(p));
            Files.writeString(dir.resolve("tco.md"), "# Total cost of ownership\n\n" + (costSource == null ? "" : costSource + "\n\n")
                    + assumptions(p.plan()) + "\n" + table(p) + "\n## Break-even\n\n" + breakEvens(p) + "\n![cumulative cost](tco.png)\n", StandardCharsets.UTF_8);
            chart(p, dir.resolve("tco.png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TCO projection into " + dir, e);
        }
    }

    private static void chart(TcoProjection p, Path file) {
        XYChart c = new XYChartBuilder().width(900).height(560).title("Cumulative cost of ownership")
                .xAxisTitle("month").yAxisTitle("cumulative cost (USD)").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(LegendPosition.InsideNW);
        c.getStyler().setYAxisDecimalPattern("$#,##0");
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setYAxisMin(0.0);
        for (int d = 0; d < p.plan().designs().size(); d++) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (TcoProjection.Month m : p.months()) {
                x.add((double) m.month());
                y.add(m.cumulativeUsd().get(d));
            }
            XYSeries s = c.addSeries(p.plan().designs().get(d).name(), x, y);
            s.setMarker(p.months().size() > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2.5f));
        }
        for (TcoProjection.BreakEven be : p.breakEvens()) {
            if (be.month() == null) continue;
            int d = indexOf(p, be.costlierUpfront());
            double y = p.months().get(be.month()).cumulativeUsd().get(d);
            XYSeries s = c.addSeries("break-even: " + be.costlierUpfront() + " vs " + be.cheaperUpfront() + ", month " + be.month(),
                    new double[] {be.month()}, new double[] {y});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(java.awt.Color.BLACK);
        }
        Charts.save(c, file);
    }

    private static int indexOf(TcoProjection p, String name) {
        for (int i = 0; i < p.plan().designs().size(); i++) if (p.plan().designs().get(i).name().equals(name)) return i;
        return 0;
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }
}
