package org.diffold.lab.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a line chart shows, independent of the plotting library: title, axis labels, logarithmic axes and named
 * series of points with optional symmetric error bars. Validated on construction: every value finite, positive on
 * a logarithmic axis, and series names unique. Render with {@link ChartRenderer}.
 *
 * @param title chart title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logX whether the x axis is logarithmic (all x must be {@code > 0})
 * @param logY whether the y axis is logarithmic (all {@code y - yError} must be {@code > 0})
 * @param series at least one series, drawn in order
 */
public record LineChartSpec(String title, String xLabel, String yLabel, boolean logX, boolean logY,
        List<Series> series) {

    /**
     * One named curve.
     *
     * @param name legend label, unique within the chart
     * @param x abscissae
     * @param y ordinates, same length as {@code x}
     * @param yError half-widths of the error bars ({@code >= 0}, same length), or null for none
     */
    public record Series(String name, double[] x, double[] y, double[] yError) {

        /** Checks lengths and values and copies the arrays. */
        public Series {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("series name must be non-blank, got '" + name + "'");
            }
            x = Objects.requireNonNull(x, "x").clone();
            y = Objects.requireNonNull(y, "y").clone();
            yError = yError == null ? null : yError.clone();
            if (x.length == 0 || x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points and y has "
                        + y.length + "; both must have the same length >= 1");
            }
            if (yError != null && yError.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': yError has " + yError.length
                        + " values but y has " + y.length);
            }
            for (int i = 0; i < x.length; i++) {
                checkFinite(name, "x", i, x[i]);
                checkFinite(name, "y", i, y[i]);
                if (yError != null && !(yError[i] >= 0 && Double.isFinite(yError[i]))) {
                    throw new IllegalArgumentException("series '" + name + "': yError[" + i + "] = " + yError[i]
                            + " must be finite and >= 0");
                }
            }
        }

        /** Returns a copy of the abscissae. */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** Returns a copy of the ordinates. */
        @Override
        public double[] y() {
            return y.clone();
        }

        /** Returns a copy of the error half-widths, or null. */
        @Override
        public double[] yError() {
            return yError == null ? null : yError.clone();
        }

        private static void checkFinite(String name, String axis, int i, double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("series '" + name + "': " + axis + "[" + i + "] = " + v
                        + " must be finite");
            }
        }
    }

    /** Checks the series against the axes and copies the list. */
    public LineChartSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "' needs at least one series");
        }
        Set<String> names = new HashSet<>();
        for (Series s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("chart '" + title + "': series name '" + s.name()
                        + "' is used twice");
            }
            checkPositive(s, "x", s.x, logX);
            checkPositive(s, "y", s.y, logY);
            for (int i = 0; logY && s.yError != null && i < s.y.length; i++) {
                if (s.y[i] - s.yError[i] <= 0) {
                    throw new IllegalArgumentException("series '" + s.name() + "': y[" + i + "] - yError[" + i
                            + "] = " + (s.y[i] - s.yError[i]) + " must be > 0 on the logarithmic y axis");
                }
            }
        }
    }

    private static void checkPositive(Series s, String axis, double[] v, boolean log) {
        for (int i = 0; log && i < v.length; i++) {
            if (v[i] <= 0) {
                throw new IllegalArgumentException("series '" + s.name() + "': " + axis + "[" + i + "] = " + v[i]
                        + " must be > 0 on the logarithmic " + axis + " axis");
            }
        }
    }

    /**
     * Starts a chart.
     *
     * @param title chart title
     * @return a builder with empty axis labels and linear axes
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Mutable builder for {@link LineChartSpec}. */
    public static final class Builder {
        private final String title;
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private boolean logY;
        private final List<Series> series = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        /**
         * Sets the x-axis label.
         *
         * @param label the label
         * @return this builder
         */
        public Builder xLabel(String label) {
            this.xLabel = label;
            return this;
        }

        /**
         * Sets the y-axis label.
         *
         * @param label the label
         * @return this builder
         */
        public Builder yLabel(String label) {
            this.yLabel = label;
            return this;
        }

        /**
         * Makes the x axis logarithmic.
         *
         * @return this builder
         */
        public Builder logX() {
            this.logX = true;
            return this;
        }

        /**
         * Makes the y axis logarithmic.
         *
         * @return this builder
         */
        public Builder logY() {
            this.logY = true;
            return this;
        }

        /**
         * Adds a series without error bars.
         *
         * @param name legend label
         * @param x abscissae, copied
         * @param y ordinates, copied
         * @return this builder
         */
        public Builder series(String name, double[] x, double[] y) {
            return series(name, x, y, null);
        }

        /**
         * Adds a series with optional error bars.
         *
         * @param name legend label
         * @param x abscissae, copied
         * @param y ordinates, copied
         * @param yError error-bar half-widths, copied, or null
         * @return this builder
         */
        public Builder series(String name, double[] x, double[] y, double[] yError) {
            series.add(new Series(name, x, y, yError));
            return this;
        }

        /**
         * Builds the chart.
         *
         * @return the validated chart
         */
        public LineChartSpec build() {
            return new LineChartSpec(title, xLabel, yLabel, logX, logY, series);
        }
    }
}
