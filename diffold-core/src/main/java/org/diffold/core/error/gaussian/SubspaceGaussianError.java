package org.diffold.core.error.gaussian;

import org.diffold.core.linalg.Subspace;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;

/**
 * Exact error of a sampler with the exact score on {@code gaussian-subspace}: X_0 = U z, z ~ N(0, lambda I_k) in
 * R^D (docs/math.md §4.1, §4.2). The output is N(0, v_par) on the k subspace coordinates and N(0, v_perp) on the
 * D - k complement coordinates, from {@link GaussianCoordinateRecursion} with lambda and with 0.
 *
 * @param kl KL(p_X_out || p_Y_out) = klParallel + klPerp
 * @param klParallel k * KL_1D(r1Par)
 * @param klPerp (D - k) * KL_1D(r1Perp), total over the complement
 * @param tv exact total variation of the joint law (chi-square integral, absolute accuracy about 1e-13)
 * @param hellingerSquared squared Hellinger distance 1 - ∫ sqrt(p q), the per-coordinate affinities multiplied
 * @param r1Perp v_perp / s_perp - 1 of one complement coordinate
 * @param r1Par v_par / s_par - 1 of one subspace coordinate
 */
public record SubspaceGaussianError(double kl, double klParallel, double klPerp, double tv, double hellingerSquared,
                                    double r1Perp, double r1Par) {

    /** The exact error for the plan, ambient dimension D, intrinsic dimension k and lambda > 0. */
    public static SubspaceGaussianError compute(StepPlan plan, int dim, int k, double lambda) {
        check(dim, k, lambda);
        return of(dim, k, GaussianCoordinateRecursion.run(plan, lambda).r(), GaussianCoordinateRecursion.run(plan, 0).r());
    }

    /**
     * The same for a discrete design on a schedule; the complement's r_1 comes from
     * {@link GaussianCoordinateRecursion#complement}, which keeps li-yan's tiny r_1 to full relative precision.
     */
    public static SubspaceGaussianError compute(CoefficientDesign design, NoiseSchedule schedule, int dim, int k, double lambda) {
        check(dim, k, lambda);
        double rPar = GaussianCoordinateRecursion.run(design.plan(schedule), lambda).r();
        return of(dim, k, rPar, GaussianCoordinateRecursion.complement(design, schedule).r());
    }

    private static void check(int dim, int k, double lambda) {
        Subspace.checkDims(dim, k);
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
    }

    /** Assembles the record from the per-coordinate relative variance errors of the two blocks. */
    public static SubspaceGaussianError of(int dim, int k, double rPar, double rPerp) {
        Subspace.checkDims(dim, k);
        int m = dim - k;
        double klPar = k * GaussianDivergence.kl(rPar);
        double klPerp = m == 0 ? 0 : m * GaussianDivergence.kl(rPerp);
        double logAffinity = k * GaussianDivergence.logAffinity(rPar) + (m == 0 ? 0 : m * GaussianDivergence.logAffinity(rPerp));
        double tv = GaussianBlocksTv.tv(k, rPar, m, rPerp);
        return new SubspaceGaussianError(klPar + klPerp, klPar, klPerp, tv, -Math.expm1(logAffinity), rPerp, rPar);
    }
}
