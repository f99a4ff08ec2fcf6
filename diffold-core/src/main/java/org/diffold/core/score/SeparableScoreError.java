package org.diffold.core.score;

import org.diffold.core.grid.TimeGrid;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.target.Mixture1D;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

/**
 * eps_score^2 of a coordinate-wise perturbation h on a product target pi^{⊗d} ⊗ delta_0^{⊗(D-d)} by quadrature
 * (docs/math.md §4.3, §4.4): E||h_t(X_t)||^2 = d E_{pi_t}[h_t^2] + (D - d) E_{N(0, sigma_t^2)}[h_t^2], each 1-D
 * expectation by Gauss–Hermite quadrature per mixture component of the noised law
 * pi_t = sum_j w_j N(c mu_j, c^2 v_j + sigma^2).
 */
public final class SeparableScoreError {
    /** Gauss–Hermite points per component (exact for polynomials of degree &lt; 128). */
    public static final int POINTS = 64;
    private final SymmetricGaussIntegrator rule = new GaussIntegratorFactory().hermite(POINTS);

    /** E_{pi_t}[h_t(Y)^2] for the noised law of {@code law} at {@code level}. */
    public double meanSquare(CoordinateField h, Mixture1D law, NoiseLevel level) {
        double c = level.c(), s2 = level.sigma2(), total = 0;
        for (int j = 0; j < law.components(); j++) {
            double m = c * law.mean(j), sd = Math.sqrt(2 * (c * c * law.variance(j) + s2)), acc = 0;
            for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                double v = h.value(level, m + sd * rule.getPoint(i));
                acc += rule.getWeight(i) * v * v;
            }
            total += law.weight(j) * acc / Math.sqrt(Math.PI);
        }
        return total;
    }

    /** Both forms on the grid for the product of d copies of {@code factor} and D - d point masses (d &lt;= D). */
    public ScoreError onGrid(CoordinateField h, Mixture1D factor, int d, int dim, TimeGrid grid) {
        if (d < 0 || d > dim) throw new IllegalArgumentException("d must be in [0, D=" + dim + "], got " + d);
        Mixture1D point = Mixture1D.pointMass();
        int steps = grid.steps();
        double[] gamma = new double[steps], mean = new double[steps];
        for (int k = 0; k < steps; k++) {
            NoiseLevel lvl = grid.level(k);
            gamma[k] = grid.gamma(k);
            mean[k] = (d == 0 ? 0 : d * meanSquare(h, factor, lvl)) + (dim == d ? 0 : (dim - d) * meanSquare(h, point, lvl));
        }
        return ScoreError.of(gamma, mean, null, 1);
    }
}
