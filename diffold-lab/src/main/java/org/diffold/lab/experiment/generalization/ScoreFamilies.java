package org.diffold.lab.experiment.generalization;

import java.util.Map;
import org.diffold.core.metrics.Memorization;
import org.diffold.core.score.Score;
import org.diffold.core.score.empirical.ClosedFormScores;
import org.diffold.core.score.empirical.LocalQuadraticProjection;
import org.diffold.core.score.empirical.TrainingPanels;

/**
 * The closed-form score families of the reproduction on one training set, with their data-driven settings [ours]:
 * KDE bandwidth h = 0.1 N^{-1/(k+4)} (the KDE rate on a k-manifold), cfdm smoothing 2 x the median nearest-neighbour
 * spacing of the training set with M = 2 draws (so barycenters are of neighbours), coarse score with K = max(10, 4k)
 * neighbours and the empirical score above sigma = 0.3; coarse-lqf the same with the local quadratic fit projection on
 * max(10, 4k, 2P) neighbours (P = k(k+1)/2 + k + 1) and 8 Newton steps (docs/math.md §6.1).
 */
final class ScoreFamilies {
    private ScoreFamilies() {}

    /** The family's score and a printable description of its settings. */
    record Built(Score score, String settings) {}

    static Built build(String family, TrainingPanels train, int k, int threads, long seed) {
        int n = train.size();
        return switch (family) {
            case "empirical" -> new Built(ClosedFormScores.build("empirical", Map.of(), train, threads, seed), "exact");
            case "kde" -> {
                double h = 0.1 * Math.pow(n, -1.0 / (k + 4));
                yield new Built(ClosedFormScores.build("kde", Map.of("h", Double.toString(h)), train, threads, seed), "h=" + fmt(h));
            }
            case "cfdm" -> {
                double s = 2 * spacing(train, threads);
                yield new Built(ClosedFormScores.build("cfdm", Map.of("smoothing", Double.toString(s), "draws", "2"), train, threads, seed),
                        "smoothing=" + fmt(s) + ",draws=2");
            }
            case "coarse" -> {
                int nb = Math.min(n, Math.max(10, 4 * k));
                yield new Built(ClosedFormScores.build("coarse", Map.of("k", Integer.toString(k), "neighbours", Integer.toString(nb),
                        "switch", "0.3"), train, threads, seed), "k=" + k + ",neighbours=" + nb + ",switch=0.3");
            }
            case "coarse-lqf" -> {
                int nb = LocalQuadraticProjection.defaultNeighbours(k, n), it = LocalQuadraticProjection.DEFAULT_ITERATIONS;
                yield new Built(ClosedFormScores.build("coarse", Map.of("proj", "lqf", "k", Integer.toString(k), "neighbours", Integer.toString(nb),
                        "iterations", Integer.toString(it), "switch", "0.3"), train, threads, seed),
                        "proj=lqf,k=" + k + ",neighbours=" + nb + ",iterations=" + it + ",switch=0.3");
            }
            default -> throw new IllegalArgumentException("unknown closed-form family '" + family + "'");
        };
    }

    /** Median distance from (up to 512 of) the training points to their nearest other training point. */
    static double spacing(TrainingPanels train, int threads) {
        int q = Math.min(512, train.size());
        double[] all = train.toMatrix();
        double[] rows = java.util.Arrays.copyOf(all, q * train.dim());
        // the nearest is the point itself (distance 0), the second the nearest other point
        Memorization m = Memorization.measure(rows, q, all, train.size(), train.dim(), threads);
        double[] d = new double[q];
        for (int i = 0; i < q; i++) d[i] = m.secondDistance(i);
        return org.diffold.core.metrics.SampleSets.quantile(d, 0.5);
    }

    private static String fmt(double v) { return String.format(java.util.Locale.ROOT, "%.4g", v); }
}
