package org.diffold.lab.experiment.id;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.dimension.IdEstimate;
import org.diffold.core.dimension.IntrinsicDimensionEstimator;
import org.diffold.core.dimension.PointCloud;

/**
 * Intrinsic dimension of one data set by several estimators sharing one kNN computation, with timings. All input
 * checks (sizes, finite values, duplicate points) run before any estimator, so a bad input fails before any output.
 */
public final class IdEstimation {
    /** One estimator's result: global value, pointwise summary (NaN where none), seconds and the pointwise values (or null). */
    public record Row(String estimator, double global, double pointwiseMedian, double pointwiseQ10, double pointwiseQ90,
                      double seconds, double[] pointwise) {}

    /** All results: the data's shape, the shared kNN step and one row per estimator. */
    public record Result(String source, int n, int dim, int threads, int neighbors, double knnSeconds, List<Row> rows,
                         double totalSeconds) {
        /** A JSON-ready map (provenance is added by the caller). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("data", source);
            m.put("n", n);
            m.put("D", dim);
            m.put("threads", threads);
            m.put("knn", Map.of("k", neighbors, "seconds", knnSeconds));
            List<Map<String, Object>> es = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("estimator", r.estimator());
                e.put("global", r.global());
                if (!Double.isNaN(r.pointwiseMedian())) {
                    e.put("pointwise", Map.of("median", r.pointwiseMedian(), "q10", r.pointwiseQ10(), "q90", r.pointwiseQ90()));
                }
                e.put("seconds", r.seconds());
                es.add(e);
            }
            m.put("estimates", es);
            m.put("totalSeconds", totalSeconds);
            return m;
        }
    }

    private IdEstimation() {}

    /**
     * Runs the estimators on the matrix.
     *
     * @throws IllegalArgumentException for too few points for an estimator, non-finite values or duplicate points
     */
    public static Result run(DataMatrix data, List<IntrinsicDimensionEstimator> estimators, int threads) {
        if (estimators.isEmpty()) throw new IllegalArgumentException("no estimator given");
        long t0 = System.nanoTime();
        PointCloud cloud = new PointCloud(data.values(), data.rows(), data.cols(), threads);
        int k = 0;
        for (IntrinsicDimensionEstimator e : estimators) {
            e.checkSize(cloud);
            k = Math.max(k, e.neighbors());
        }
        if (k > 0) cloud.neighbors(k);
        long t1 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (IntrinsicDimensionEstimator e : estimators) {
            long s = System.nanoTime();
            IdEstimate est = e.estimate(cloud);
            double secs = (System.nanoTime() - s) * 1e-9;
            double med = Double.NaN, q10 = Double.NaN, q90 = Double.NaN;
            if (est.hasPointwise()) {
                double[] p = est.pointwise().clone();
                Arrays.sort(p);
                med = quantile(p, 0.5);
                q10 = quantile(p, 0.1);
                q90 = quantile(p, 0.9);
            }
            rows.add(new Row(e.name(), est.global(), med, q10, q90, secs, est.pointwise()));
        }
        long t2 = System.nanoTime();
        return new Result(data.source(), data.rows(), data.cols(), threads, k, (t1 - t0) * 1e-9, rows, (t2 - t0) * 1e-9);
    }

    /**
     * The pointwise estimates as an n x m row-major matrix, one column per estimator that has them, in run order.
     *
     * @return the matrix and its column names; null if no estimator has pointwise values
     */
    public static Map.Entry<double[], List<String>> pointwiseMatrix(Result r) {
        List<Row> cols = r.rows().stream().filter(row -> row.pointwise() != null).toList();
        if (cols.isEmpty()) return null;
        int n = r.n(), m = cols.size();
        double[] out = new double[n * m];
        for (int c = 0; c < m; c++) {
            double[] p = cols.get(c).pointwise();
            for (int i = 0; i < n; i++) out[i * m + c] = p[i];
        }
        return Map.entry(out, cols.stream().map(Row::estimator).toList());
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
