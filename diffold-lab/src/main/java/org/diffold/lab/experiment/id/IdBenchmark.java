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

        /** Wide table: manifold, d, D, then "estimate (error)" per estimator. */
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
                    row.add(String.format(Locale.ROOT, "%.1f (%+.1f)", r.estimate(), r.error()));
                }
                out.add(row);
            }
            return out;
        }

        /** Summary rows: estimator, mean relative error in percent, manifolds within 10%. */
        public List<List<String>> summaryRows() {
            List<List<String>> out = new ArrayList<>();
            for (String e : estimators) {
                double sum = 0;
                int within = 0;
                for (String m : manifolds) {
                    double rel = cell(m, e).relativeError();
                    sum += rel;
                    if (rel <= 0.1) within++;
                }
                out.add(List.of(e, String.format(Locale.ROOT, "%.1f", 100 * sum / manifolds.size()),
                        within + "/" + manifolds.size()));
            }
            return out;
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

    /** The HTML report: estimate (error) table, summary, and the long table (also written as CSV). */
    public static Report report(Result r, Provenance provenance) {
        return Report.builder("Intrinsic-dimension benchmark")
                .provenance(provenance)
                .paragraph("Every estimator on n = " + r.n() + " points of each scikit-dimension benchmark manifold "
                        + "(seed " + r.seed() + "). Cells show the estimate and, in brackets, its error d_hat - d.")
                .heading("Estimates (error)")
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
