package org.diffold.core.collapse;

import org.diffold.core.linalg.SymmetricEigenvalues;

/**
 * Singular values of the Jacobian of a {@link Denoiser} at a point by central differences,
 * J e_j = (D(x + h e_j) - D(x - h e_j)) / (2 h), error O(h^2) (docs/math.md §7). The numerical rank is the number of
 * singular values above a threshold tau [ours, a setting].
 */
public final class JacobianSpectrum {
    private JacobianSpectrum() {}

    /** Default finite-difference step [ours]. */
    public static final double DEFAULT_STEP = 1e-4;

    /** The Jacobian at {@code x} (row-major D x D, J[i][j] = dD_i / dx_j). */
    public static double[][] jacobian(Denoiser f, double[] x, double h) {
        if (!(h > 0)) throw new IllegalArgumentException("finite-difference step must be > 0, got " + h);
        int d = f.dim();
        if (x.length != d) throw new IllegalArgumentException("point has " + x.length + " coordinates, the denoiser " + d);
        double[][] j = new double[d][d];
        double[] xp = x.clone(), plus = new double[d], minus = new double[d];
        for (int c = 0; c < d; c++) {
            xp[c] = x[c] + h;
            f.denoise(xp, plus);
            xp[c] = x[c] - h;
            f.denoise(xp, minus);
            xp[c] = x[c];
            for (int r = 0; r < d; r++) j[r][c] = (plus[r] - minus[r]) / (2 * h);
        }
        return j;
    }

    /** Singular values of the Jacobian at {@code x}, in decreasing order. */
    public static double[] singularValues(Denoiser f, double[] x, double h) {
        return singularValues(jacobian(f, x, h));
    }

    /**
     * Singular values of an m x n matrix, in decreasing order: square roots of the eigenvalues of A^T A
     * ({@link SymmetricEigenvalues}, eigenvalues only, a few times faster than a full SVD for D in the hundreds).
     * Values below about 1e-8 of the largest are lost to the squaring, which is far below any rank threshold used.
     */
    public static double[] singularValues(double[][] a) {
        int m = a.length, n = a[0].length;
        double[][] g = new double[n][n];
        for (int r = 0; r < m; r++) {
            double[] row = a[r];
            for (int i = 0; i < n; i++) {
                double v = row[i];
                if (v == 0) continue;
                double[] gi = g[i];
                for (int j = 0; j <= i; j++) gi[j] += v * row[j];
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) g[j][i] = g[i][j];
        double[] ev = new double[n], work = new double[n];
        SymmetricEigenvalues.compute(g, n, ev, work);
        double[] sv = new double[Math.min(m, n)];
        for (int i = 0; i < sv.length; i++) sv[i] = Math.sqrt(Math.max(0, ev[i]));
        return sv;
    }

    /** Number of singular values above {@code tau}. */
    public static int rank(double[] singularValues, double tau) {
        int r = 0;
        for (double s : singularValues) if (s > tau) r++;
        return r;
    }
}
