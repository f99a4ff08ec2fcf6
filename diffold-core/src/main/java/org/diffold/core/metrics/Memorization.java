package org.diffold.core.metrics;

import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;

/**
 * Memorization of generated samples against a training set (docs/math.md §6): for each sample its nearest and
 * second-nearest training distances d1 &lt;= d2; the sample is memorized when d1 / d2 &lt; 1/3 (the ratio rule of Yoon et
 * al.; Gu et al. arXiv 2310.02664). Distances are also reported per dimension, d / sqrt(D), as Gu et al. do (the
 * ratio does not change). Exact search through the kNN layer, so the result is the same for any thread count.
 */
public final class Memorization {
    /** The ratio rule's threshold, 1/3. */
    public static final double RATIO = 1.0 / 3;
    private final int dim;
    private final double[] d1, d2;
    private final int[] nearest;

    private Memorization(int dim, double[] d1, double[] d2, int[] nearest) {
        this.dim = dim;
        this.d1 = d1;
        this.d2 = d2;
        this.nearest = nearest;
    }

    /**
     * Measures n samples against nTrain >= 2 training rows of the same width; every row must be finite.
     *
     * @param threads worker threads (>= 1); the result does not depend on it
     */
    public static Memorization measure(double[] samples, int n, double[] train, int nTrain, int dim, int threads) {
        SampleSets.check("samples", samples, n, dim, 1);
        SampleSets.check("training set", train, nTrain, dim, 2);
        Neighbors nb = new BruteForceKnn(threads).search(samples, n, train, nTrain, dim, 2);
        double[] d1 = new double[n], d2 = new double[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            d1[i] = nb.distance(i, 0);
            d2[i] = nb.distance(i, 1);
            idx[i] = nb.index(i, 0);
        }
        return new Memorization(dim, d1, d2, idx);
    }

    /** Number of samples. */
    public int size() { return d1.length; }

    /** Whether sample i is memorized: d1 &lt; d2 / 3 (a sample equal to two training points is not). */
    public boolean memorized(int i) { return d1[i] < RATIO * d2[i]; }

    /** Fraction of memorized samples. */
    public double memorizedFraction() {
        int m = 0;
        for (int i = 0; i < d1.length; i++) if (memorized(i)) m++;
        return (double) m / d1.length;
    }

    /** Index of sample i's nearest training row. */
    public int nearest(int i) { return nearest[i]; }

    /** Distance from sample i to its nearest training row. */
    public double nearestDistance(int i) { return d1[i]; }

    /** Distance from sample i to its second-nearest training row. */
    public double secondDistance(int i) { return d2[i]; }

    /** All nearest-training distances (a copy). */
    public double[] nearestDistances() { return d1.clone(); }

    /** The p-quantile of the nearest-training distance. */
    public double nearestQuantile(double p) { return SampleSets.quantile(d1, p); }

    /** The p-quantile of the nearest-training distance per dimension, d1 / sqrt(D). */
    public double nearestQuantilePerDim(double p) { return nearestQuantile(p) / Math.sqrt(dim); }
}
