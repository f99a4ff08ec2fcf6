package org.diffold.core.dimension;

import java.util.SplittableRandom;
import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.random.RandomStreams;

/**
 * {@code knn}: the kNN-graph length estimator (Costa &amp; Hero, IEEE TSP 52, 2004; in the least-squares form of
 * Carter, Raich &amp; Hero, IEEE TSP 58, 2010, as in scikit-dimension's KNN), docs/math.md §8.1. For p points of a
 * d-dimensional density, the total gamma-weighted length of the kNN graph, L(p) = sum_i sum_{j&lt;=k} r_j(x_i)^gamma,
 * grows as c p^{(d - gamma)/d} (Beardwood–Halton–Hammersley type limit). L is measured on subsamples of sizes p_1 &lt;
 * ... &lt; p_Q = n (M subsamples per size below n, drawn without replacement), and
 * <ul>
 *   <li>{@link Fit#INTEGER} (default, Carter et al.): the m in 1..D minimising
 *       sum (L - c_m p^{(m-gamma)/m})^2 with c_m fitted by least squares; the estimate is an integer;</li>
 *   <li>{@link Fit#LOG_LOG} (Costa &amp; Hero): the least-squares slope a of log L on log p, and m = gamma / (1 - a)
 *       (fractional; D when a &gt;= 1).</li>
 * </ul>
 * Choices (ours, stated): Q = 8 sizes spaced geometrically from n/8 to n and M = 4 (scikit-dimension's defaults are
 * the sizes k+1..k+4, i.e. 3..6 points, and one subsample drawn with replacement, whose repeated points add zero
 * edges). Subsample (size q, replicate r) uses stream q M + r of the seed's child "knn-subsamples", so the estimate is
 * the same for any thread count. Global only.
 */
public final class KnnGraphEstimator extends KnnEstimator {
    /** Default neighbours per point in the graph (scikit-dimension's k = 2). */
    public static final int DEFAULT_K = 2;
    /** Default edge weight exponent (scikit-dimension's gamma = 2). */
    public static final double DEFAULT_GAMMA = 2;
    /** Default number of subsample sizes and of subsamples per size (ours). */
    public static final int DEFAULT_SIZES = 8, DEFAULT_REPLICATES = 4;

    /** How the dimension is read from the lengths. */
    public enum Fit {
        /** Integer least squares on the linear scale (Carter et al. 2010). */
        INTEGER,
        /** Slope of the log-log fit (Costa &amp; Hero 2004). */
        LOG_LOG
    }

    private final double gamma;
    private final int sizes, replicates;
    private final Fit fit;
    private final long seed;

    /** Defaults: k = 2, gamma = 2, 8 sizes, 4 replicates, integer fit. */
    public KnnGraphEstimator(long seed) {
        this(DEFAULT_K, DEFAULT_GAMMA, DEFAULT_SIZES, DEFAULT_REPLICATES, Fit.INTEGER, seed);
    }

    /**
     * @param k graph neighbours, >= 2 (as the other kNN estimators; k = 1 would be the nearest-neighbour graph)
     * @param gamma edge weight exponent, > 0
     * @param sizes number of subsample sizes, >= 2
     * @param replicates subsamples per size below n, >= 1
     */
    public KnnGraphEstimator(int k, double gamma, int sizes, int replicates, Fit fit, long seed) {
        super("knn", k);
        if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("knn gamma must be finite and > 0, got " + gamma);
        if (sizes < 2) throw new IllegalArgumentException("knn sizes must be >= 2, got " + sizes);
        if (replicates < 1) throw new IllegalArgumentException("knn replicates must be >= 1, got " + replicates);
        if (fit == null) throw new IllegalArgumentException("knn fit must be INTEGER or LOG_LOG, got null");
        this.gamma = gamma;
        this.sizes = sizes;
        this.replicates = replicates;
        this.fit = fit;
        this.seed = seed;
    }

    /** The smallest subsample must still have k + 1 points. */
    @Override public int minPoints() { return 8 * (k + 1); }

    /** Subsample sizes round(n 8^{(s - Q + 1)/(Q - 1)}), s = 0..Q-1 (the last is n). */
    int[] sampleSizes(int n) {
        int[] p = new int[sizes];
        for (int s = 0; s < sizes; s++) p[s] = (int) Math.round(n * Math.pow(8, (double) (s - sizes + 1) / (sizes - 1)));
        p[sizes - 1] = n;
        return p;
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        int n = cloud.n(), dim = cloud.dim();
        int[] p = sampleSizes(n);
        int samples = (sizes - 1) * replicates + 1;
        double[] logP = new double[samples], len = new double[samples], size = new double[samples];
        RandomStreams streams = new RandomStreams(seed).child("knn-subsamples");
        BruteForceKnn search = new BruteForceKnn(cloud.threads());
        int[] perm = new int[n];
        int t = 0;
        for (int s = 0; s < sizes - 1; s++) {
            double[] sub = new double[p[s] * dim];
            for (int r = 0; r < replicates; r++) {
                draw(streams.stream((long) s * replicates + r), perm, p[s]);
                for (int a = 0; a < p[s]; a++) System.arraycopy(cloud.data(), perm[a] * dim, sub, a * dim, dim);
                size[t] = p[s];
                len[t++] = length(search.selfSearch(sub, p[s], dim, k), p[s]);
            }
        }
        size[t] = n;
        len[t++] = length(cloud.neighbors(k), n);
        for (int i = 0; i < samples; i++) logP[i] = Math.log(size[i]);
        double est = fit == Fit.INTEGER ? integerFit(size, len, dim) : logLogFit(logP, len, dim);
        return IdEstimate.global(name(), est);
    }

    /** The first q entries of perm become a uniform q-subset of 0..n-1 (partial Fisher–Yates). */
    private static void draw(SplittableRandom rng, int[] perm, int q) {
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        for (int i = 0; i < q; i++) {
            int j = i + rng.nextInt(perm.length - i);
            int tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp;
        }
    }

    /** L = sum over the n points of the gamma-th powers of their k neighbour distances. */
    private double length(Neighbors nb, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) s += Math.pow(nb.distance(i, j), gamma);
        return s;
    }

    /** argmin over m = 1..D of the least-squares residual of L = c p^{(m - gamma)/m}. */
    double integerFit(double[] p, double[] len, int maxDim) {
        int best = 1;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int m = 1; m <= maxDim; m++) {
            double a = (m - gamma) / m, num = 0, den = 0;
            for (int i = 0; i < p.length; i++) { double pa = Math.pow(p[i], a); num += pa * len[i]; den += pa * pa; }
            double c = num / den, err = 0;
            for (int i = 0; i < p.length; i++) { double r = len[i] - c * Math.pow(p[i], a); err += r * r; }
            if (err < bestErr) { bestErr = err; best = m; }
        }
        return best;
    }

    /** gamma / (1 - a) for the least-squares slope a of log L on log p; maxDim when a >= 1 - gamma / maxDim. */
    double logLogFit(double[] logP, double[] len, int maxDim) {
        int q = logP.length;
        double mx = 0, my = 0;
        for (int i = 0; i < q; i++) { mx += logP[i]; my += Math.log(len[i]); }
        mx /= q;
        my /= q;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < q; i++) { double dx = logP[i] - mx; sxy += dx * (Math.log(len[i]) - my); sxx += dx * dx; }
        double a = sxy / sxx;
        return a >= 1 - gamma / maxDim ? maxDim : gamma / (1 - a);
    }
}
