package org.diffold.core.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * Distances between two sample sets in R^D (row-major): sliced Wasserstein-2 (Rabin et al. 2011; docs/math.md §6)
 * and the unbiased MMD^2 with a Gaussian kernel at the median-heuristic bandwidth (Gretton et al. 2012).
 */
public final class SampleDistances {
    private SampleDistances() {}

    /**
     * SW_2 = sqrt(mean over L random unit directions theta of W_2^2(theta^T a, theta^T b)), the 1-D W_2 from sorted
     * projections at matched quantiles (the larger set is read at the smaller set's quantile levels).
     */
    public static double slicedWasserstein(double[] a, int na, double[] b, int nb, int dim, int projections, long seed) {
        if (na < 1 || nb < 1) throw new IllegalArgumentException("sliced Wasserstein needs non-empty sets, got " + na + " and " + nb);
        SplittableRandom rng = new RandomStreams(seed).child("sliced-wasserstein").stream(0);
        double[] theta = new double[dim], pa = new double[na], pb = new double[nb];
        double total = 0;
        for (int l = 0; l < projections; l++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) { theta[j] = rng.nextGaussian(); norm += theta[j] * theta[j]; }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) theta[j] /= norm;
            project(a, na, dim, theta, pa);
            project(b, nb, dim, theta, pb);
            Arrays.sort(pa);
            Arrays.sort(pb);
            double[] small = na <= nb ? pa : pb, large = na <= nb ? pb : pa;
            double w2 = 0;
            for (int i = 0; i < small.length; i++) {
                double q = (i + 0.5) / small.length * large.length - 0.5;
                int lo = Math.max(0, Math.min(large.length - 1, (int) Math.floor(q)));
                int hi = Math.min(large.length - 1, lo + 1);
                double f = Math.max(0, Math.min(1, q - lo));
                double diff = small[i] - (large[lo] * (1 - f) + large[hi] * f);
                w2 += diff * diff;
            }
            total += w2 / small.length;
        }
        return Math.sqrt(total / projections);
    }

    private static void project(double[] x, int n, int dim, double[] theta, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0, o = i * dim; j < dim; j++) s += x[o + j] * theta[j];
            out[i] = s;
        }
    }

    /**
     * Unbiased MMD^2 with k(x, y) = exp(-|x - y|^2 / (2 h^2)), h^2 the median of squared distances in the pooled
     * sample; uses at most {@code maxRows} rows of each set (the first ones).
     */
    public static double mmd2(double[] a, int na, double[] b, int nb, int dim, int maxRows) {
        int n = Math.min(na, maxRows), m = Math.min(nb, maxRows);
        if (n < 2 || m < 2) throw new IllegalArgumentException("MMD needs at least 2 rows per set, got " + n + " and " + m);
        int pa = Math.min(n, 500), pb = Math.min(m, 500), pooled = pa + pb; // bandwidth from up to 500 rows of each
        double[] d2 = new double[pooled * (pooled - 1) / 2];
        int c = 0;
        for (int i = 0; i < pooled; i++) {
            for (int j = 0; j < i; j++) d2[c++] = dist2(row(a, b, pa, i), off(pa, i, dim), row(a, b, pa, j), off(pa, j, dim), dim);
        }
        Arrays.sort(d2);
        double h2 = Math.max(d2[d2.length / 2], 1e-300);
        double inv = -0.5 / h2;
        double kxx = 0, kyy = 0, kxy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) kxx += Math.exp(inv * dist2(a, i * dim, a, j * dim, dim));
            for (int j = 0; j < m; j++) kxy += Math.exp(inv * dist2(a, i * dim, b, j * dim, dim));
        }
        for (int i = 0; i < m; i++) for (int j = 0; j < i; j++) kyy += Math.exp(inv * dist2(b, i * dim, b, j * dim, dim));
        return 2 * kxx / ((double) n * (n - 1)) + 2 * kyy / ((double) m * (m - 1)) - 2 * kxy / ((double) n * m);
    }

    private static double[] row(double[] a, double[] b, int n, int i) { return i < n ? a : b; }

    private static int off(int n, int i, int dim) { return (i < n ? i : i - n) * dim; }

    private static double dist2(double[] x, int xo, double[] y, int yo, int dim) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double t = x[xo + j] - y[yo + j];
            s += t * t;
        }
        return s;
    }
}
