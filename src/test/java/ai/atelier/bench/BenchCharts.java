package ai.atelier.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The throughput chart next to results.md: sites per minute and ratio to ideal against N. */
final class BenchCharts {
    private BenchCharts() {}

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> results, Path outDir) throws IOException {
        Map<String, Object> t = (Map<String, Object>) results.get("throughput");
        if (t == null || !(t.get("rows") instanceof List<?> rows) || rows.isEmpty()) return;
        System.setProperty("java.awt.headless", "true");
        List<Map<String, Object>> r = (List<Map<String, Object>>) rows;
        double[] n = r.stream().mapToDouble(m -> ((Number) m.get("n")).doubleValue()).toArray();
        double[] ratio = r.stream().mapToDouble(m -> ((Number) m.get("ratioToIdeal")).doubleValue()).toArray();
        double[] spm = r.stream().mapToDouble(m -> ((Number) m.get("sitesPerMinute")).doubleValue()).toArray();
        XYChart c = new XYChartBuilder().width(900).height(420).title("Throughput: N concurrent sites, server answers after "
                + t.get("serverDelayMs") + " ms").xAxisTitle("concurrent sites N (log scale)").yAxisTitle("sites per minute").build();
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        c.addSeries("measured sites/minute", n, spm).setMarker(SeriesMarkers.CIRCLE);
        double ideal = ((Number) t.get("idealMs")).doubleValue();
        double[] perfect = java.util.Arrays.stream(n).map(x -> x / ideal * 60_000).toArray();
        c.addSeries("ideal (N sites in one site's time)", n, perfect).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(c, outDir.resolve("throughput.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        XYChart q = new XYChartBuilder().width(900).height(360).title("Wall time of N sites / one site alone (target ≤ 1.10 up to 256)")
                .xAxisTitle("concurrent sites N (log scale)").yAxisTitle("ratio to ideal").build();
        q.getStyler().setXAxisLogarithmic(true).setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE);
        q.addSeries("measured", n, ratio).setMarker(SeriesMarkers.CIRCLE);
        q.addSeries("target 1.10", n, java.util.Arrays.stream(n).map(x -> 1.10).toArray()).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(q, outDir.resolve("throughput-ratio.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
