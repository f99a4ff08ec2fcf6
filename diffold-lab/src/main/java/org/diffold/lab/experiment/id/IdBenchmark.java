package org.diffold.lab.experiment.id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.diffold.core.dimension.Estimators;
import org.diffold.core.dimension.IntrinsicDimensionEstimator;
import org.diffold.core.dimension.PointCloud;
import org.diffold.core.manifold.BenchmarkManifolds;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.random.RandomStreams;
import org.diffold.lab.report.LineChartSpec;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Provenance;

/**
 * The intrinsic-dimension benchmark of scikit-dimension (docs/benchmark-manifolds.md, docs/math.md §8): every estimator on
 * n points of each benchmark manifold, estimate against the true d. The summary per estimator is the mean relative
 * error |d_hat - d| / d (the "MPE" of Campadelli et al. 2015, as a fraction) and the number of manifolds within 10%.
 * Samples of manifold M come from the streams {@code RandomStreams(seed).child(M)}, so a manifold's data do not depend
 * on which others are run.
 */
public final class IdBenchmark {
    /** Default number of points per manifold (ours). */
    public static final int DEFAULT_N = 2500;

    /** One (manifold, estimator) cell. */
    public record Row(String manifold, int d, int dim, String estimator, double estimate, double seconds) {
        /** d_hat - d. */
        public double error() { return estimate - d; }

        /** |d_hat - d| / d. */
        public double relativeError() { return Math.abs(estimate - d) / d; }
    }

    /** The whole benchmark. */
    public record Result(int n, long seed, List<String> manifolds, List<String> estimators, List<Row> rows, double seconds) {
        /** The cell of a manifold and estimator. */
        public Row cell(String manifold, String estimator) {
            for (Row r : rows) if (r.manifold().equals(manifold) && r.estimator().equals(estimator)) return r;
            throw new IllegalArgumentException("no cell " + manifold + " x " + estimator);
        }

        /** Wide table: manifold, d, D, then the estimate per estimator (errors are in {@link #longRows()}). */
        public List<String> wideHeader() {
            List<String> h = new ArrayList<>(List.of("manifold", "d", "D"));
            h.addAll(estimators);
            return h;
        }

        /** Rows of {@link #wideHeader()}. */
        public List<List<String>> wideRows() {
            List<List<String>> out = new ArrayList<>();
            for (String m : manifolds) {
                Row first = cell(m, estimators.get(0));
                List<String> row = new ArrayList<>(List.of(m, Integer.toString(first.d()), Integer.toString(first.dim())));
                for (String e : estimators) {
                    Row r = cell(m, e);
                    row.add(String.format(Locale.ROOT, "%.4g", r.estimate()));
                }
                out.add(row);
            }
            return out;
        }

        /** Summary rows: estimator, mean relative error in percent, manifolds within 10%. */
        public List<List<String>> summaryRows() {
            List<List<String>> out = new ArrayList<>();
            for (String e : estimators) {
                out.add(List.of(e, String.format(Locale.ROOT, "%.4g", 100 * meanRelativeError(e, 0, Integer.MAX_VALUE)),
                        within(e) + "/" + manifolds.size()));
            }
            return out;
        }

        /** Mean relative error of an estimator over the manifolds whose true d lies in [dLo, dHi]; NaN if none. */
        public double meanRelativeError(String estimator, int dLo, int dHi) {
            double sum = 0;
            int count = 0;
            for (String m : manifolds) {
                Row r = cell(m, estimator);
                if (r.d() < dLo || r.d() > dHi) continue;
                sum += r.relativeError();
                count++;
            }
            return count == 0 ? Double.NaN : sum / count;
        }

        /**
         * The findings paragraph: the estimators ranked by mean relative error over all manifolds, and the two most
         * accurate for low (d <= 3), middle (4..12) and high (d >= 13) intrinsic dimension, all from this run.
         */
        public String findings() {
            List<String> ranked = rankedBy(0, Integer.MAX_VALUE);
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "Mean relative error |d_hat - d| / d over the %d manifolds at n = %d: ", manifolds.size(), n));
            for (int i = 0; i < Math.min(3, ranked.size()); i++) {
                String e = ranked.get(i);
                b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3g%% (%d within 10%%)", e,
                        100 * meanRelativeError(e, 0, Integer.MAX_VALUE), within(e)));
            }
            String worst = ranked.get(ranked.size() - 1);
            if (ranked.size() > 3) {
                b.append(String.format(Locale.ROOT, "; least accurate %s %.3g%%", worst, 100 * meanRelativeError(worst, 0, Integer.MAX_VALUE)));
            }
            b.append(". Most accurate by true dimension:");
            int[][] bands = {{0, 3}, {4, 12}, {13, Integer.MAX_VALUE}};
            String[] labels = {"d <= 3", "4 <= d <= 12", "d >= 13"};
            String sep = " ";
            for (int k = 0; k < bands.length; k++) {
                int count = 0;
                for (String m : manifolds) { int d = cell(m, estimators.get(0)).d(); if (d >= bands[k][0] && d <= bands[k][1]) count++; }
                if (count == 0) continue;
                List<String> best = rankedBy(bands[k][0], bands[k][1]);
                b.append(sep).append(String.format(Locale.ROOT, "%s (%d manifolds) %s %.3g%%", labels[k], count, best.get(0),
                        100 * meanRelativeError(best.get(0), bands[k][0], bands[k][1])));
                if (best.size() > 1) {
                    b.append(String.format(Locale.ROOT, ", then %s %.3g%%", best.get(1), 100 * meanRelativeError(best.get(1), bands[k][0], bands[k][1])));
                }
                sep = "; ";
            }
            return b.append('.').toString();
        }

        private List<String> rankedBy(int dLo, int dHi) {
            List<String> out = new ArrayList<>(estimators);
            out.sort(java.util.Comparator.comparingDouble(e -> meanRelativeError(e, dLo, dHi)));
            return out;
        }

        private int within(String estimator) {
            int c = 0;
            for (String m : manifolds) if (cell(m, estimator).relativeError() <= 0.1) c++;
            return c;
        }

        /** Long table: one line per cell, for CSV and JSON. */
        public List<List<String>> longRows() {
            List<List<String>> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(List.of(r.manifold(), Integer.toString(r.d()), Integer.toString(r.dim()), r.estimator(),
                        fmt(r.estimate()), fmt(r.error()), fmt(r.relativeError()), fmt(r.seconds())));
            }
            return out;
        }

        /** A JSON-ready map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", n);
            m.put("seed", seed);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("manifold", r.manifold());
                c.put("d", r.d());
                c.put("D", r.dim());
                c.put("estimator", r.estimator());
                c.put("estimate", r.estimate());
                c.put("error", r.error());
                c.put("seconds", r.seconds());
                cells.add(c);
            }
            m.put("cells", cells);
            m.put("findings", findings());
            m.put("seconds", seconds);
            return m;
        }
    }

    /** Columns of {@link Result#longRows()}. */
    public static final List<String> LONG_HEADER = List.of("manifold", "d", "D", "estimator", "estimate", "error", "relative_error", "seconds");
    /** Columns of {@link Result#summaryRows()}. */
    public static final List<String> SUMMARY_HEADER = List.of("estimator", "mean |error|/d (%)", "within 10%");

    private IdBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param manifolds benchmark manifold names ({@link BenchmarkManifolds#names()})
     * @param estimators estimator names ({@link Estimators#names()})
     * @param progress called once per finished manifold (may be null)
     */
    public static Result run(List<String> manifolds, List<String> estimators, int n, long seed, int threads, IntConsumer progress) {
        if (manifolds.isEmpty() || estimators.isEmpty()) throw new IllegalArgumentException("benchmark needs at least one manifold and one estimator");
        List<IntrinsicDimensionEstimator> es = new ArrayList<>();
        for (String e : estimators) es.add(Estimators.byName(e, seed));
        List<DataManifold> ms = new ArrayList<>();
        for (String m : manifolds) ms.add(BenchmarkManifolds.create(m));
        for (IntrinsicDimensionEstimator e : es) {
            if (n < e.minPoints()) throw new IllegalArgumentException(e.name() + " needs at least " + e.minPoints() + " points, got n=" + n);
        }
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (DataManifold m : ms) {
            double[] x = new double[n * m.dim()];
            m.sample(new RandomStreams(seed).child(m.name()), 0, n, x);
            PointCloud cloud = new PointCloud(x, n, m.dim(), threads);
            for (IntrinsicDimensionEstimator e : es) {
                long s = System.nanoTime();
                double est = e.estimate(cloud).global();
                rows.add(new Row(m.name(), m.intrinsicDim(), m.dim(), e.name(), est, (System.nanoTime() - s) * 1e-9));
            }
            if (progress != null) progress.accept(1);
        }
        return new Result(n, seed, List.copyOf(manifolds), List.copyOf(estimators), rows, (System.nanoTime() - t0) * 1e-9);
    }

    /** The HTML report: findings, the estimates table, summary, chart and the long table (also written as CSV). */
    public static Report report(Result r, Provenance provenance) {
        return Report.builder("Intrinsic-dimension benchmark")
                .provenance(provenance)
                .heading("Findings")
                .paragraph(r.findings())
                .paragraph("Every estimator on n = " + r.n() + " points of each scikit-dimension benchmark manifold "
                        + "(seed " + r.seed() + "). Cells show the estimate d_hat next to the true d; the table 'All cells' lists "
                        + "each error d_hat - d and the time.")
                .heading("Estimates")
                .table("estimates", r.wideHeader(), r.wideRows())
                .heading("Summary")
                .table("summary", SUMMARY_HEADER, r.summaryRows())
                .chart("estimate-vs-d", chart(r))
                .heading("All cells")
                .table("cells", LONG_HEADER, r.longRows())
                .build();
    }

    /** Mean estimate over the manifolds of each true d, one series per estimator, with the line d_hat = d. */
    static LineChartSpec chart(Result r) {
        java.util.TreeSet<Integer> ds = new java.util.TreeSet<>();
        for (Row row : r.rows()) ds.add(row.d());
        double[] x = ds.stream().mapToDouble(Integer::doubleValue).toArray();
        LineChartSpec.Builder b = LineChartSpec.builder("Estimated versus true intrinsic dimension (mean over manifolds)")
                .xLabel("true d").yLabel("estimate").logX().logY().series("true d", x, x.clone());
        for (String e : r.estimators()) {
            double[] y = new double[x.length];
            int[] count = new int[x.length];
            for (Row row : r.rows()) {
                if (!row.estimator().equals(e)) continue;
                int i = java.util.Arrays.binarySearch(x, row.d());
                y[i] += row.estimate();
                count[i]++;
            }
            for (int i = 0; i < x.length; i++) y[i] /= count[i];
            b.series(e, x, y);
        }
        return b.build();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
