package org.diffold.core.metrics.fidelity;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * Fréchet distance between Gaussian fits of two feature sets (Dowson &amp; Landau 1982; Heusel et al. 2017, the "FID"
 * when the features are Inception's; docs/math.md §7):
 * FD = |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1^{1/2} S2 S1^{1/2})^{1/2}),
 * with unbiased covariances. The matrix square roots use symmetric eigendecompositions, negative rounding
 * eigenvalues are clipped to 0, so FD(A, A) = 0 to rounding.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /** FD between the rows (n1 x d and n2 x d, row-major) of two sets; each needs at least 2 rows. */
    public static double between(double[] a, int n1, double[] b, int n2, int d) {
        return gaussian(mean(a, n1, d), covariance(a, n1, d), mean(b, n2, d), covariance(b, n2, d));
    }

    /** FD between N(mu1, s1) and N(mu2, s2) (covariances symmetric positive semi-definite, d x d). */
    public static double gaussian(double[] mu1, double[][] s1, double[] mu2, double[][] s2) {
        int d = mu1.length;
        if (mu2.length != d || s1.length != d || s2.length != d) throw new IllegalArgumentException("dimensions differ: " + d + ", " + mu2.length + ", " + s1.length + ", " + s2.length);
        double m = 0;
        for (int j = 0; j < d; j++) m += (mu1[j] - mu2[j]) * (mu1[j] - mu2[j]);
        RealMatrix a = new Array2DRowRealMatrix(s1), b = new Array2DRowRealMatrix(s2);
        RealMatrix r = sqrtPsd(a);
        RealMatrix inner = r.multiply(b).multiply(r);
        inner = inner.add(inner.transpose()).scalarMultiply(0.5);
        double trSqrt = 0;
        for (double ev : new EigenDecompositionSymmetric(inner, 0, false).getEigenvalues()) trSqrt += Math.sqrt(Math.max(0, ev));
        return Math.max(0, m + a.getTrace() + b.getTrace() - 2 * trSqrt);
    }

    /** The symmetric PSD square root V diag(sqrt(max(l, 0))) V^T. */
    static RealMatrix sqrtPsd(RealMatrix s) {
        RealMatrix sym = s.add(s.transpose()).scalarMultiply(0.5);
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(sym, 0, true);
        double[] l = e.getEigenvalues();
        RealMatrix v = e.getV();
        int d = l.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) sum += v.getEntry(i, k) * Math.sqrt(Math.max(0, l[k])) * v.getEntry(j, k);
                out[i][j] = sum;
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    /** Column means of n x d rows. */
    public static double[] mean(double[] x, int n, int d) {
        check(x, n, d);
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mu[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mu[j] /= n;
        return mu;
    }

    /** Unbiased covariance (divisor n - 1) of n x d rows. */
    public static double[][] covariance(double[] x, int n, int d) {
        double[] mu = mean(x, n, d);
        double[][] c = new double[d][d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) z[j] = x[i * d + j] - mu[j];
            for (int j = 0; j < d; j++) for (int k = j; k < d; k++) c[j][k] += z[j] * z[k];
        }
        for (int j = 0; j < d; j++) for (int k = j; k < d; k++) { c[j][k] /= n - 1; c[k][j] = c[j][k]; }
        return c;
    }

    private static void check(double[] x, int n, int d) {
        if (d < 1) throw new IllegalArgumentException("feature dimension must be >= 1, got " + d);
        if (n < 2) throw new IllegalArgumentException("Fréchet distance needs at least 2 rows per set, got " + n);
        if (x.length != (long) n * d) throw new IllegalArgumentException(n + " x " + d + " rows need " + (long) n * d + " values, got " + x.length);
    }
}
