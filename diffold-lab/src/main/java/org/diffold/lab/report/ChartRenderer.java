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
                .setXAxisLogarithmic(spec.logX() && spansDecade(spec, true))
                .setYAxisLogarithmic(spec.logY() && spansDecade(spec, false))
                .setErrorBarsColorSeriesColor(true)
                .setLegendPosition(Styler.LegendPosition.OutsideE)
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setLegendBorderColor(Color.LIGHT_GRAY);
        if (!chart.getStyler().isXAxisLogarithmic()) {
            chart.getStyler().setXAxisDecimalPattern(decimalPattern(spec, true));
        }
        if (!chart.getStyler().isYAxisLogarithmic()) {
            chart.getStyler().setYAxisDecimalPattern(decimalPattern(spec, false));
        }
        java.util.List<LineChartSpec.Series> all = spec.series();
        for (int i = 0; i < all.size(); i++) {
            LineChartSpec.Series s = all.get(i);
            String name = s.name();
            for (int j = 0; j < i; j++) {
                if (coincide(all.get(j), s)) {
                    name += " (= " + all.get(j).name() + ")";
                    break;
                }
            }
            XYSeries series = s.yError() == null
                    ? chart.addSeries(name, s.x(), s.y())
                    : chart.addSeries(name, s.x(), s.y(), s.yError());
            series.setMarker(MARKERS[i % MARKERS.length]);
            series.setLineStyle(LINES[(i / MARKERS.length + i) % LINES.length]);
        }
        return chart;
    }


    /**
     * True if the data on one axis span at least a factor 100: XChart labels a log axis only at powers of ten, so
     * over less than two decades it would show one label or none; such an axis is drawn linear instead.
     */
    static boolean spansDecade(LineChartSpec spec, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (LineChartSpec.Series s : spec.series()) {
            for (double v : xAxis ? s.x() : s.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi >= 100 * lo;
    }

    /**
     * One tick-label pattern per linear axis, so all labels of an axis look alike ({@code 0.06} next to {@code 0.16}, not
     * {@code .06}): plain decimals for magnitudes in [1e-3, 1e5), scientific otherwise.
     */
    static String decimalPattern(LineChartSpec spec, boolean xAxis) {
        double max = 0;
        for (LineChartSpec.Series s : spec.series()) {
            for (double v : xAxis ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max == 0 || max >= 1e-3 && max < 1e5 ? "0.####" : "0.##E0";
    }

    /** True if two series share their x values and their y values agree to 1e-6 relative: drawn on top of each other. */
    static boolean coincide(LineChartSpec.Series a, LineChartSpec.Series b) {
        if (a.x().length != b.x().length) {
            return false;
        }
        for (int k = 0; k < a.x().length; k++) {
            double ya = a.y()[k], yb = b.y()[k];
            if (a.x()[k] != b.x()[k] || Math.abs(ya - yb) > 1e-6 * Math.max(Math.abs(ya), Math.abs(yb))) {
                return false;
            }
        }
        return true;
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
