package org.diffold.core.error.solver;

import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.solver.SolverProgram;

/**
 * Exact error of a practitioners' sampler with the exact score on {@code gaussian-subspace} (docs/math.md §4.1,
 * §4.2): the output is N(0, v_par) on each of the k subspace coordinates and N(0, v_perp) on each of the D - k
 * complement coordinates ({@link ProgramCovariance} with lambda and 0), compared with the forward law
 * N(0, lambda + sigma_out^2), N(0, sigma_out^2) at the output level.
 *
 * <p>With an output level sigma_out = 0 the complement's target is a point mass: the error is 0 when the program
 * puts the complement exactly at 0 (residual standard deviation at most {@link #RESIDUAL_TOLERANCE} sigma_min; the
 * exact denoiser maps it to 0 identically) and infinite otherwise (KL = infinity, TV = 1: residual noise at the end).
 *
 * @param kl total KL(p_data_out || p_sampler_out)
 * @param klParallel k KL_1D(r_par)
 * @param klPerp (D - k) KL_1D(r_perp)
 * @param klPerpPerCoordinate KL_1D(r_perp)
 * @param tv exact TV of the joint law
 * @param hellingerSquared 1 - affinity of the joint law
 * @param rPar v_par / s_par - 1
 * @param rPerp v_perp / s_perp - 1 (NaN when sigma_out = 0)
 * @param residualPerpStd sqrt(v_perp), the complement's residual standard deviation
 */
public record SolverGaussianError(double kl, double klParallel, double klPerp, double klPerpPerCoordinate, double tv,
                                  double hellingerSquared, double rPar, double rPerp, double residualPerpStd) {
    /** Relative residual below which an output at sigma = 0 counts as exactly on the subspace. */
    public static final double RESIDUAL_TOLERANCE = 1e-10;

    /** The error of the program for D, k and lambda > 0. */
    public static SolverGaussianError compute(SolverProgram p, int dim, int k, double lambda) {
        Subspace.checkDims(dim, k);
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
        double out = p.outputSigma();
        double vPar = ProgramCovariance.outputVariance(p, lambda);
        double vPerp = dim > k ? ProgramCovariance.outputVariance(p, 0) : 0;
        double rPar = vPar / (lambda + out * out) - 1;
        if (out > 0) {
            double rPerp = vPerp / (out * out) - 1;
            SubspaceGaussianError e = SubspaceGaussianError.of(dim, k, rPar, rPerp);
            return new SolverGaussianError(e.kl(), e.klParallel(), e.klPerp(), dim > k ? e.klPerp() / (dim - k) : 0, e.tv(),
                    e.hellingerSquared(), rPar, rPerp, Math.sqrt(Math.max(vPerp, 0)));
        }
        SubspaceGaussianError inside = SubspaceGaussianError.of(k, k, rPar, 0);
        double residual = Math.sqrt(Math.max(vPerp, 0));
        double sigmaMin = smallestDenoiserSigma(p);
        if (dim == k || residual <= RESIDUAL_TOLERANCE * sigmaMin) {
            return new SolverGaussianError(inside.kl(), inside.klParallel(), 0, 0, inside.tv(), inside.hellingerSquared(), rPar, Double.NaN, residual);
        }
        double inf = Double.POSITIVE_INFINITY;
        return new SolverGaussianError(inf, inside.klParallel(), inf, inf, 1, 1, rPar, Double.NaN, residual);
    }

    private static double smallestDenoiserSigma(SolverProgram p) {
        double m = Double.POSITIVE_INFINITY;
        for (int op = 0; op < p.size(); op++) if (p.kind(op) == SolverProgram.DENOISE) m = Math.min(m, p.sigma(op));
        return m;
    }
}
