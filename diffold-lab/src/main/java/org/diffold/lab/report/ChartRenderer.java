package org.diffold.lab.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a {@link LineChartSpec} with XChart to PNG (bitmap) or SVG (vector, through VectorGraphics2D). Runs
 * headless: {@code java.awt.headless} is set to true unless the caller chose otherwise before AWT started.
 */
public final class ChartRenderer {

    /** Image width in pixels. */
    public static final int WIDTH = 800;
    /** Image height in pixels. */
    public static final int HEIGHT = 520;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartRenderer() {
    }

    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
        SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS};
    private static final java.awt.BasicStroke[] LINES = {org.knowm.xchart.style.lines.SeriesLines.SOLID,
        org.knowm.xchart.style.lines.SeriesLines.DASH_DASH, org.knowm.xchart.style.lines.SeriesLines.DOT_DOT};

    /**
     * Builds the XChart chart, for callers that want to tweak styling before encoding.
     *
     * @param spec the chart
     * @return a new XChart chart
     */
    public static XYChart toXChart(LineChartSpec spec) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        chart.getStyler()
                .setXAxisLogarithmic(spec.logX())
                .setYAxisLogarithmic(spec.logY())
                .setErrorBarsColorSeriesColor(true)
                .setLegendPosition(Styler.LegendPosition.OutsideE)
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setLegendBorderColor(Color.LIGHT_GRAY);
        int index = 0;
        for (LineChartSpec.Series s : spec.series()) {
            XYSeries series = s.yError() == null
                    ? chart.addSeries(s.name(), s.x(), s.y())
                    : chart.addSeries(s.name(), s.x(), s.y(), s.yError());
            // series stay distinguishable without colour: a marker per series, a new line style per round of markers
            series.setMarker(MARKERS[index % MARKERS.length]);
            series.setLineStyle(LINES[(index / MARKERS.length) % LINES.length]);
            index++;
        }
        return chart;
    }

    /**
     * Renders to PNG.
     *
     * @param spec the chart
     * @return PNG bytes
     * @throws IOException if encoding fails
     */
    public static byte[] png(LineChartSpec spec) throws IOException {
        return encode(spec, "png");
    }

    /**
     * Renders to SVG.
     *
     * @param spec the chart
     * @return SVG document bytes (UTF-8)
     * @throws IOException if encoding fails
     */
    public static byte[] svg(LineChartSpec spec) throws IOException {
        return encode(spec, "svg");
    }

    /** XChart 4's format-neutral encoder; SVG goes through VectorGraphics2D, PNG through ImageIO. */
    private static byte[] encode(LineChartSpec spec, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        ChartEncoder.saveChart(toXChart(spec), out, format);
        return out.toByteArray();
    }

    /**
     * Atomically writes a PNG file.
     *
     * @param spec the chart
     * @param target the {@code .png} file
     * @return {@code target}
     * @throws IOException if rendering or writing fails
     */
    public static Path writePng(LineChartSpec spec, Path target) throws IOException {
        return AtomicFiles.write(target, png(spec));
    }

    /**
     * Atomically writes an SVG file.
     *
     * @param spec the chart
     * @param target the {@code .svg} file
     * @return {@code target}
     * @throws IOException if rendering or writing fails
     */
    public static Path writeSvg(LineChartSpec spec, Path target) throws IOException {
        return AtomicFiles.write(target, svg(spec));
    }
}
