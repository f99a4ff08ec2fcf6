package org.diffold.core.linalg;

/**
 * Eigenvalues (only) of a real symmetric matrix: Householder reduction to tridiagonal form without accumulating the
 * transformations, then the implicit QL algorithm with Wilkinson-type shifts (Golub &amp; Van Loan, Matrix Computations,
 * §8.3; Wilkinson &amp; Reinsch, Handbook for Automatic Computation II). About 4n^3/3 flops, a third of a full
 * eigendecomposition; backward stable, so eigenvalues are accurate to ~1e-15 of the largest. Allocation-free: the
 * caller owns the work arrays.
 */
public final class SymmetricEigenvalues {
    private static final int MAX_SWEEPS = 60;

    private SymmetricEigenvalues() {}

    /**
     * Overwrites the lower triangle of a[0..n)[0..n) and writes the eigenvalues into d[0..n), in decreasing order.
     *
     * @param a symmetric matrix (rows of length >= n); destroyed
     * @param e work array of length >= n
     * @throws IllegalStateException if QL does not converge (does not happen for finite input)
     */
    public static void compute(double[][] a, int n, double[] d, double[] e) {
        tridiagonalize(a, n, d, e);
        ql(n, d, e);
        java.util.Arrays.sort(d, 0, n);
        for (int i = 0, j = n - 1; i < j; i++, j--) { double t = d[i]; d[i] = d[j]; d[j] = t; }
    }

    /** Householder: leaves the diagonal in d and the subdiagonal in e[1..n) (e[0] = 0). */
    private static void tridiagonalize(double[][] a, int n, double[] d, double[] e) {
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0;
            if (l > 0) {
                double scale = 0;
                for (int k = 0; k <= l; k++) scale += Math.abs(a[i][k]);
                if (scale == 0) {
                    e[i] = a[i][l];
                } else {
                    for (int k = 0; k <= l; k++) { a[i][k] /= scale; h += a[i][k] * a[i][k]; }
                    double f = a[i][l];
                    double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    a[i][l] = f - g;
                    f = 0;
                    for (int j = 0; j <= l; j++) {
                        g = 0;
                        for (int k = 0; k <= j; k++) g += a[j][k] * a[i][k];
                        for (int k = j + 1; k <= l; k++) g += a[k][j] * a[i][k];
                        e[j] = g / h;
                        f += e[j] * a[i][j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++) {
                        f = a[i][j];
                        g = e[j] - hh * f;
                        e[j] = g;
                        for (int k = 0; k <= j; k++) a[j][k] -= f * e[k] + g * a[i][k];
                    }
                }
            } else {
                e[i] = a[i][l];
            }
        }
        e[0] = 0;
        for (int i = 0; i < n; i++) d[i] = a[i][i];
    }

    /** Implicit QL on the tridiagonal (d, e[1..n)); eigenvalues left in d (unsorted). */
    private static void ql(int n, double[] d, double[] e) {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        if (n > 0) e[n - 1] = 0;
        for (int l = 0; l < n; l++) {
            int iter = 0, m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 0x1p-53 * dd) break;
                }
                if (m != l) {
                    if (iter++ == MAX_SWEEPS) throw new IllegalStateException("symmetric eigenvalues: QL did not converge");
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1, c = 1, p = 0;
                    int i;
                    boolean deflated = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i], b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            deflated = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (deflated) continue;
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }
}
