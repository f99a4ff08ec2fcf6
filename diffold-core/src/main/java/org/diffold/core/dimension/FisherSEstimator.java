package org.diffold.core.dimension;

import org.diffold.core.knn.PairwiseScan;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * {@code fishers}: the Fisher-separability dimension (Albergante, Bac &amp; Zinovyev, IJCNN 2019), docs/math.md §8.1.
 * The data are centred, projected on the principal components whose variance is at least lambda_1 / C (C the
 * conditional number, 10), whitened (each kept component scaled to unit variance) and projected onto the unit
 * sphere. For each margin alpha of a grid, pbar(alpha) is the fraction of ordered pairs i != j with
 * (z_i, z_j) &gt;= alpha, and n(alpha) the dimension of the uniform sphere with that inseparable fraction
 * ({@link SphereSeparability}). As in the paper, the single estimate is n(alpha) at the grid margin closest to
 * 0.9 alpha_max, alpha_max the largest margin with pbar &gt; 0. Global only. A uniform sphere S^{m-1} gives m, a
 * uniform m-cube about m.
 *
 * <p>Differences from scikit-dimension (each a setting; defaults ours):
 * <ul>
 *   <li>the margin grid is alpha = h, 2h, ... &lt; 1 with h = 0.02 (scikit-dimension: 0.6 .. 0.98): at d = 70 the
 *       inseparable fraction at alpha = 0.6 is about 2e-8, below the 1/n^2 resolution of 2500 points, so every
 *       margin of scikit-dimension's grid is fully separable and it returns NaN (M10d_Cubic); the lower margins
 *       resolve it (70.3);</li>
 *   <li>n(alpha) inverts the exact cap fraction rather than the paper's asymptotic formula (selectable), which is
 *       exact for the uniform sphere at every alpha (1.00 rather than 0.92 on a segment);</li>
 *   <li>{@code standardize}: coordinates are scaled to unit variance before the PCA (a PCA of the correlation
 *       matrix). On Mp2_Paraboloid (d = 6) the squared block makes lambda_2 / lambda_1 = 0.011 &lt; 1/C, so without
 *       it one component is kept, the whitened points are +-1 and the estimate is 1 (scikit-dimension's 0.89); with
 *       it six components are kept and the estimate is 5.0. It trades rotation invariance for invariance to the
 *       units of each coordinate; zero-variance coordinates are dropped.</li>
 * </ul>
 * The pair fractions divide by n(n-1) (scikit-dimension divides by n^2). Counting runs over the n(n-1)/2 pairs of
 * {@link PairwiseScan#scanPairs} with integer counts, so the result does not depend on the thread count.
 */
public final class FisherSEstimator implements IntrinsicDimensionEstimator {
    /** Default conditional number (the paper's and scikit-dimension's 10). */
    public static final double DEFAULT_CONDITIONAL_NUMBER = 10;
    /** Default margin step (ours; scikit-dimension's step with the grid extended down to 0.02). */
    public static final double DEFAULT_ALPHA_STEP = 0.02;
    /** Fraction of the largest resolvable margin at which the single estimate is read (the paper's 0.9). */
    static final double REFERENCE_FRACTION = 0.9;

    /** How n(alpha) is obtained from the inseparable fraction. */
    public enum Inversion {
        /** The exact spherical-cap fraction, inverted numerically. */
        EXACT,
        /** The paper's asymptotic formula, inverted with Lambert's W. */
        ASYMPTOTIC
    }

    private final double conditionalNumber, alphaStep;
    private final boolean standardize;
    private final Inversion inversion;

    /** Defaults: C = 10, h = 0.02, standardized, exact inversion. */
    public FisherSEstimator() {
        this(DEFAULT_CONDITIONAL_NUMBER, DEFAULT_ALPHA_STEP, true, Inversion.EXACT);
    }

    /**
     * @param conditionalNumber C > 1: components with variance >= lambda_1 / C are kept
     * @param alphaStep h in (0, 0.5]: margins h, 2h, ... below 1
     * @param standardize scale each coordinate to unit variance first
     * @param inversion how n(alpha) is computed
     */
    public FisherSEstimator(double conditionalNumber, double alphaStep, boolean standardize, Inversion inversion) {
        if (!(conditionalNumber > 1) || Double.isInfinite(conditionalNumber)) {
            throw new IllegalArgumentException("fishers conditional number must be finite and > 1, got " + conditionalNumber);
        }
        if (!(alphaStep > 0 && alphaStep <= 0.5)) throw new IllegalArgumentException("fishers alpha step must be in (0, 0.5], got " + alphaStep);
        if (inversion == null) throw new IllegalArgumentException("fishers inversion must be EXACT or ASYMPTOTIC, got null");
        this.conditionalNumber = conditionalNumber;
        this.alphaStep = alphaStep;
        this.standardize = standardize;
        this.inversion = inversion;
    }

    @Override public String name() { return "fishers"; }
    @Override public int neighbors() { return 0; }
    @Override public int minPoints() { return 3; }

    /** The margins h, 2h, ... below 1. */
    double[] alphas() {
        int m = (int) Math.ceil(1 / alphaStep) - 1;
        while (m > 0 && m * alphaStep >= 1 - 1e-12) m--;
        double[] a = new double[m];
        for (int j = 0; j < m; j++) a[j] = (j + 1) * alphaStep;
        return a;
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        int n = cloud.n();
        double[][] zHolder = new double[1][];
        int q = whitenedOnSphere(cloud, zHolder);
        double[] alpha = alphas();
        double[] pbar = inseparableFractions(zHolder[0], n, q, alpha, cloud.threads());
        return IdEstimate.global(name(), single(alpha, pbar));
    }

    /** The single estimate n(alpha*) at the margin closest to 0.9 alpha_max. */
    double single(double[] alpha, double[] pbar) {
        int last = -1;
        for (int j = 0; j < alpha.length; j++) if (pbar[j] > 0) last = j;
        if (last < 0) {
            throw new IllegalArgumentException("fishers: every pair is separable at every margin >= " + alpha[0] + "; use a smaller alpha step");
        }
        double ref = REFERENCE_FRACTION * alpha[last];
        int best = -1;
        for (int j = 0; j <= last; j++) {
            if (pbar[j] > 0 && (best < 0 || Math.abs(alpha[j] - ref) < Math.abs(alpha[best] - ref))) best = j;
        }
        return inversion == Inversion.EXACT ? SphereSeparability.invertExact(pbar[best], alpha[best])
                : SphereSeparability.invertAsymptotic(pbar[best], alpha[best]);
    }

    /**
     * Centres (and optionally standardizes) the data, keeps the principal components with variance >= lambda_1 / C,
     * whitens them and normalises each row; writes the n x q rows into out[0] and returns q.
     */
    int whitenedOnSphere(PointCloud cloud, double[][] out) {
        int n = cloud.n(), dim = cloud.dim();
        double[] x = cloud.data();
        double[] mean = new double[dim], scale = new double[dim];
        for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) mean[j] += x[i * dim + j];
        for (int j = 0; j < dim; j++) mean[j] /= n;
        for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) { double d = x[i * dim + j] - mean[j]; scale[j] += d * d; }
        for (int j = 0; j < dim; j++) {
            double sd = Math.sqrt(scale[j] / (n - 1));
            scale[j] = !standardize ? 1 : sd > 0 ? 1 / sd : 0;
        }
        double[][] cov = new double[dim][dim];
        double[] row = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) row[j] = (x[i * dim + j] - mean[j]) * scale[j];
            for (int a = 0; a < dim; a++) {
                double ra = row[a];
                if (ra == 0) continue;
                double[] ca = cov[a];
                for (int b = 0; b <= a; b++) ca[b] += ra * row[b];
            }
        }
        for (int a = 0; a < dim; a++) for (int b = 0; b <= a; b++) { cov[a][b] /= n - 1; cov[b][a] = cov[a][b]; }
        double[] lambda;
        RealMatrix u;
        RealMatrix covariance = new Array2DRowRealMatrix(cov, false);
        try {
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(covariance);
            lambda = eig.getEigenvalues(); // decreasing
            u = eig.getV();
        } catch (MathIllegalStateException e) {
            // symmetric QL can fail on repeated coordinates (Mn2_Nonlinear's tiled blocks); the SVD of the symmetric
            // PSD covariance is its eigendecomposition and Golub–Kahan converges there (slower: about 3x)
            SingularValueDecomposition svd = new SingularValueDecomposition(covariance);
            lambda = svd.getSingularValues();
            u = svd.getU();
        }
        if (!(lambda[0] > 0)) throw new IllegalArgumentException("fishers: the data have zero variance (all points equal)");
        int q = 0;
        while (q < dim && lambda[q] >= lambda[0] / conditionalNumber) q++;
        double[][] v = new double[q][];
        for (int c = 0; c < q; c++) {
            v[c] = u.getColumn(c);
            double s = 1 / Math.sqrt(lambda[c]);
            for (int j = 0; j < dim; j++) v[c][j] *= s * scale[j];
        }
        double[] z = new double[n * q];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int c = 0; c < q; c++) {
                double s = 0;
                double[] vc = v[c];
                for (int j = 0; j < dim; j++) s += (x[i * dim + j] - mean[j]) * vc[j];
                z[i * q + c] = s;
                norm += s * s;
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int c = 0; c < q; c++) z[i * q + c] *= inv;
        }
        out[0] = z;
        return q;
    }

    /** pbar(alpha_j) = #{(i, j) : i != j, (z_i, z_j) >= alpha_j} / (n (n-1)) for unit rows z; integer counts. */
    static double[] inseparableFractions(double[] z, int n, int q, double[] alpha, int threads) {
        int m = alpha.length;
        long[][] hist = new long[threads][m + 1];
        PairwiseScan.scanPairs(z, n, q, threads, w -> (i, j0, d2, count) -> {
            long[] h = hist[w];
            for (int j = 0; j < count; j++) {
                double dot = 1 - 0.5 * d2[j];
                if (dot < alpha[0]) continue;
                h[bin(alpha, dot)]++;
            }
        });
        long[] total = new long[m + 1];
        for (long[] h : hist) for (int b = 0; b <= m; b++) total[b] += h[b];
        double[] p = new double[m];
        long cum = 0;
        for (int b = m - 1; b >= 0; b--) {
            cum += total[b];
            p[b] = 2.0 * cum / ((double) n * (n - 1));
        }
        return p;
    }

    /** The largest b with alpha[b] <= dot (dot >= alpha[0]); alpha increasing. */
    private static int bin(double[] alpha, double dot) {
        int lo = 0, hi = alpha.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (alpha[mid] <= dot) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
