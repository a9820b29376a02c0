package ai.atelier.economics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * House style and PNG output for Atelier's charts: headless (no display needed), white
 * background, readable fonts, a palette that stays distinct in print.
 */
final class Charts {
    static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
            new Color(0x393B79), new Color(0xAD494A)};

    private Charts() {}

    static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            a.setPlotGridLinesColor(new Color(0xE6E6E6));
            a.setPlotGridLinesStroke(new BasicStroke(1f));
            a.setPlotBorderVisible(false);
        }
    }

    static void save(Chart<?, ?> chart, Path file) {
        System.setProperty("java.awt.headless", "true");
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }
}
