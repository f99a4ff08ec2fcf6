package org.diffold.core.collapse;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Singular values of the Jacobian of a {@link Denoiser} at a point by central differences,
 * J e_j = (D(x + h e_j) - D(x - h e_j)) / (2 h), error O(h^2) (docs/math.md §7), then a singular value decomposition
 * (Hipparchus). The numerical rank is the number of singular values above a threshold tau [ours, a setting].
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

    /** Singular values of a square or rectangular matrix, in decreasing order. */
    public static double[] singularValues(double[][] a) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSingularValues();
    }

    /** Number of singular values above {@code tau}. */
    public static int rank(double[] singularValues, double tau) {
        int r = 0;
        for (double s : singularValues) if (s > tau) r++;
        return r;
    }
}
