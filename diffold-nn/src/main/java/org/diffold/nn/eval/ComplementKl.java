package org.diffold.nn.eval;

import org.diffold.core.linalg.Subspace;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.special.Gamma;

/**
 * KL(p_X || p_Y) of the complement block for data in a subspace (docs/math.md §4.1), from samples Y of a sampler
 * and the exact law of X's complement, N(0, s I_m) with m = D - k and s = sigma^2 of the output level.
 * The sampler's complement law is taken Gaussian with zero mean and estimated two ways:
 * <ul>
 *   <li>{@code iso}: isotropic variance v = sum_i |P_perp y_i|^2 / (n m), KL = m/2 [s/v - 1 + ln(v/s)]
 *       (exact when the complement coordinates are i.i.d., as with the exact score; valid for any n);</li>
 *   <li>{@code cov}: full covariance S = (1/n) sum_i P_perp y_i (P_perp y_i)^T on the complement and
 *       KL = 1/2 [s tr Sigma^{-1} - m + ln det Sigma - m ln s] with the Wishart-unbiased estimates
 *       tr Sigma^{-1} ~ (n - m - 1)/n tr S^{-1} and ln det Sigma ~ ln det S - sum_{i<m} psi((n - i)/2) - m ln(2/n)
 *       (S ~ W_m(n, Sigma/n) for zero-mean Gaussian rows), so it is unbiased for any Gaussian complement law;
 *       valid when n > m + 2 ({@code NaN} otherwise). {@code covPlugIn} is the uncorrected plug-in value.</li>
 * </ul>
 * The complement block is handled without a basis: S + s U U^T has the eigenvalues of S on the complement and s
 * on the subspace, so its D x D Cholesky factor gives tr and ln det of S directly [derived].
 *
 * @param iso KL from the isotropic variance
 * @param cov unbiased KL from the full complement covariance, or NaN when n <= m + 2
 * @param covPlugIn the same before the bias correction
 * @param variance v / s, the mean complement variance relative to the exact one
 * @param tvIso total variation between N(0, s I_m) and N(0, v I_m): with q = v / s (or s / v when below 1),
 *     TV = F_m(m q ln q / (q - 1)) - F_m(m ln q / (q - 1)), F_m the chi^2_m CDF (docs/math.md §4.2)
 */
public record ComplementKl(double iso, double cov, double covPlugIn, double variance, double tvIso) {

    /** Estimates from n samples (row-major n x D) against exact complement variance {@code s}. */
    public static ComplementKl estimate(Subspace u, double s, double[] samples, int n) {
        int d = u.dim(), k = u.k(), m = d - k;
        if (m == 0) return new ComplementKl(0, 0, 0, 1, 0);
        double[] y = new double[k], z = new double[d];
        boolean full = n > m + 2;
        double[][] cov = full ? new double[d][] : null;
        if (full) for (int j = 0; j < d; j++) cov[j] = new double[j + 1];
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            u.project(samples, i * d, y);
            for (int r = 0; r < k; r++) y[r] = -y[r];
            u.axpyLift(1, samples, i * d, y, z, 0); // z = P_perp y_i = y_i - U U^T y_i
            for (int j = 0; j < d; j++) {
                double zj = z[j];
                sumSq += zj * zj;
                if (full) {
                    double[] row = cov[j];
                    for (int l = 0; l <= j; l++) row[l] += zj * z[l];
                }
            }
        }
        double v = sumSq / ((double) n * m);
        double iso = 0.5 * m * (s / v - 1 + Math.log(v / s));
        double tv = isotropicTv(m, v / s);
        if (!full) return new ComplementKl(iso, Double.NaN, Double.NaN, v / s, tv);
        for (int j = 0; j < d; j++) {
            for (int l = 0; l <= j; l++) {
                double ul = 0;
                for (int r = 0; r < k; r++) ul += u.basis(j, r) * u.basis(l, r);
                cov[j][l] = cov[j][l] / n + s * ul;
            }
        }
        double[] trAndLogDet = traceInverseAndLogDet(cov);
        // S + s U U^T: s tr(.)^{-1} = s tr S^{-1} + k and ln det(.) = ln det S + k ln s
        double sTrS = s * trAndLogDet[0] - k, logDetS = trAndLogDet[1] - k * Math.log(s);
        double plugIn = 0.5 * (sTrS - m + logDetS - m * Math.log(s));
        double psi = 0;
        for (int i = 0; i < m; i++) psi += Gamma.digamma(0.5 * (n - i));
        double unbiased = 0.5 * ((double) (n - m - 1) / n * sTrS - m + logDetS - psi - m * Math.log(2.0 / n) - m * Math.log(s));
        return new ComplementKl(iso, unbiased, plugIn, v / s, tv);
    }

    /** TV(N(0, I_m), N(0, q I_m)) by the chi-square formula of docs/math.md §4.2. */
    public static double isotropicTv(int m, double ratio) {
        double q = ratio < 1 ? 1 / ratio : ratio;
        if (q == 1) return 0;
        double l = Math.log(q) / (q - 1);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(m);
        return chi.cumulativeProbability(m * q * l) - chi.cumulativeProbability(m * l);
    }

    /** tr(A^{-1}) and ln det A of a symmetric positive definite A given as its lower triangle (destroyed). */
    static double[] traceInverseAndLogDet(double[][] a) {
        int d = a.length;
        for (int j = 0; j < d; j++) { // Cholesky A = L L^T in place (lower triangle)
            double[] rj = a[j];
            for (int l = 0; l <= j; l++) {
                double[] rl = a[l];
                double sum = rj[l];
                for (int p = 0; p < l; p++) sum -= rj[p] * rl[p];
                if (l == j) {
                    if (!(sum > 0)) throw new ArithmeticException("complement covariance is not positive definite (pivot " + j + ")");
                    rj[j] = Math.sqrt(sum);
                } else {
                    rj[l] = sum / rl[l];
                }
            }
        }
        double logDet = 0;
        for (int j = 0; j < d; j++) logDet += 2 * Math.log(a[j][j]);
        // tr(A^{-1}) = ||L^{-1}||_F^2, columns of L^{-1} by forward substitution
        double tr = 0;
        double[] x = new double[d];
        for (int c = 0; c < d; c++) {
            for (int i = c; i < d; i++) {
                double sum = i == c ? 1 : 0;
                double[] ri = a[i];
                for (int p = c; p < i; p++) sum -= ri[p] * x[p];
                x[i] = sum / ri[i];
                tr += x[i] * x[i];
            }
        }
        return new double[] {tr, logDet};
    }
}
