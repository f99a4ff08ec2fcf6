package org.diffold.lab.experiment.generalization;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.metrics.Memorization;
import org.diffold.lab.report.ImageGrid;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Provenance;

/**
 * Memorization metrics of a sample file against a training file (docs/math.md §6), for users auditing their own
 * models: the ratio-rule fraction, the nearest-training distance distribution, and, when rows are images, a report with
 * each shown sample next to its nearest training image.
 */
public final class MemorizationAudit {
    /** The measured metrics. */
    public record Result(Memorization memorization, int nSamples, int nTrain, int dim, double seconds) {
        /** The JSON map (snake_case keys). */
        public Map<String, Object> toMap() {
            Memorization m = memorization;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("memorized_fraction", m.memorizedFraction());
            out.put("nn_distance_median", m.nearestQuantile(0.5));
            out.put("nn_distance_q10", m.nearestQuantile(0.1));
            out.put("nn_distance_q90", m.nearestQuantile(0.9));
            out.put("nn_distance_median_per_dim", m.nearestQuantilePerDim(0.5));
            double[] ratio = new double[m.size()];
            for (int i = 0; i < ratio.length; i++) ratio[i] = m.nearestDistance(i) / m.secondDistance(i);
            out.put("ratio_median", org.diffold.core.metrics.SampleSets.quantile(ratio, 0.5));
            out.put("ratio_threshold", Memorization.RATIO);
            out.put("n_samples", nSamples);
            out.put("n_train", nTrain);
            out.put("dim", dim);
            out.put("seconds", seconds);
            return out;
        }
    }

    private MemorizationAudit() {}

    /** Measures; inputs are validated by {@link Memorization#measure}. */
    public static Result run(double[] samples, int n, double[] train, int nTrain, int dim, int threads) {
        long t0 = System.nanoTime();
        Memorization m = Memorization.measure(samples, n, train, nTrain, dim, threads);
        return new Result(m, n, nTrain, dim, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Pairs (sample, nearest training image) for the first {@code pairs} samples, as grid rows, 4 pairs per grid row.
     */
    public static byte[] pairGrid(Result r, double[] samples, double[] train, int height, int width, int channels, int pairs)
            throws IOException {
        int d = r.dim(), count = Math.min(pairs, r.nSamples());
        double[][] rows = new double[2 * count][];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            rows[2 * i] = java.util.Arrays.copyOfRange(samples, i * d, (i + 1) * d);
            int j = r.memorization().nearest(i);
            rows[2 * i + 1] = java.util.Arrays.copyOfRange(train, j * d, (j + 1) * d);
            for (double v : rows[2 * i]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            for (double v : rows[2 * i + 1]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        if (!(hi > lo)) hi = lo + 1;
        return ImageGrid.pngBytes(rows, height, width, channels, 8, lo, hi);
    }

    /** The report: findings, the image pairs (when given), the distance quantiles. */
    public static Report report(Result r, String samplesName, String trainName, byte[] pairs, Provenance provenance) {
        Map<String, Object> m = r.toMap();
        Report.Builder b = Report.builder("Memorization audit")
                .provenance(provenance)
                .paragraph(String.format(Locale.ROOT, "%s (%d samples) against %s (%d training rows, D = %d): %.4g of the samples "
                                + "are memorized by the ratio rule d1/d2 < 1/3; the median nearest-training distance is %.4g "
                                + "(%.4g per dimension), the median ratio d1/d2 is %.4g.",
                        samplesName, r.nSamples(), trainName, r.nTrain(), r.dim(), r.memorization().memorizedFraction(),
                        (double) m.get("nn_distance_median"), (double) m.get("nn_distance_median_per_dim"), (double) m.get("ratio_median")));
        if (pairs != null) b.image("nearest-pairs", "Each sample (left) next to its nearest training image (right)", pairs, 3);
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            rows.add(java.util.List.of(e.getKey(), v instanceof Double dv ? String.format(Locale.ROOT, "%.4g", dv) : v.toString()));
        }
        return b.heading("Metrics").table("metrics", java.util.List.of("metric", "value"), rows).build();
    }
}
