package org.diffold.core.error.product;

import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.GaussianDivergence;
import org.diffold.core.error.propagation.Divergence1D;
import org.diffold.core.error.propagation.GridRefinement;
import org.diffold.core.error.propagation.PropagatedError1D;

import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.target.Mixture1D;

/**
 * Exact error on {@code product-subspace}: pi^{⊗k} ⊗ delta_0^{⊗(D-k)} in a k-dimensional subspace (docs/math.md §4.3).
 * With the exact separable score the sampler's output is a product law, so KL = k KL_1D + (D - k) KL_perp and the
 * Hellinger affinities multiply; KL_1D comes from {@link PropagatedError1D}, KL_perp from
 * {@link GaussianCoordinateRecursion} (lambda = 0). TV is estimated by Monte Carlo over target samples with the exact
 * density ratio, TV = E_target[(1 - q/p)_+] (standard error <= 0.5 / sqrt(n)); the complement's ratio depends only
 * on its squared radius, drawn directly as s chi^2_{D-k}, so a draw costs O(k). Hellinger gives the bounds
 * H^2 <= TV <= sqrt(1 - (1 - H^2)^2).
 *
 * @param kl total KL(p_X_out || p_Y_out)
 * @param klParallel k * kl1D
 * @param klPerp (D - k) * KL_perp, total over the complement
 * @param kl1D KL of one subspace coordinate
 * @param hellingerSquared 1 - ∫ sqrt(p q) of the joint law
 * @param tv Monte Carlo TV (NaN when no samples were asked for)
 * @param tvStandardError its standard error
 * @param tvSamples number of Monte Carlo samples
 * @param tvLowerBound H^2
 * @param tvUpperBound sqrt(1 - (1 - H^2)^2)
 * @param r1Perp v_perp / s_perp - 1 of one complement coordinate
 * @param refinement grid refinement of the 1-D density propagation (check {@link GridRefinement#converged()})
 */
public record ProductTargetError(double kl, double klParallel, double klPerp, double kl1D, double hellingerSquared,
                                 double tv, double tvStandardError, int tvSamples, double tvLowerBound,
                                 double tvUpperBound, double r1Perp, GridRefinement refinement) {

    /** The error of the plan; {@code tvSamples} = 0 skips the Monte Carlo TV. */
    public static ProductTargetError compute(StepPlan plan, int dim, int k, Mixture1D factor, int tvSamples, long seed) {
        Subspace.checkDims(dim, k);
        return of(PropagatedError1D.forMixture(plan, factor), GaussianCoordinateRecursion.run(plan, 0).r(), factor,
                plan.outputLevel(), dim, k, tvSamples, seed);
    }

    /** The same for a discrete design; the complement's r_1 from {@link GaussianCoordinateRecursion#complement}. */
    public static ProductTargetError compute(CoefficientDesign design, NoiseSchedule schedule, int dim, int k, Mixture1D factor,
                                             int tvSamples, long seed) {
        Subspace.checkDims(dim, k);
        StepPlan plan = design.plan(schedule);
        return of(PropagatedError1D.forMixture(plan, factor), GaussianCoordinateRecursion.complement(design, schedule).r(),
                factor, plan.outputLevel(), dim, k, tvSamples, seed);
    }

    /**
     * Assembles the error from a propagated 1-D error and the complement's r (reuse both across ambient dimensions:
     * the propagation does not depend on D); {@code tvSamples} = 0 skips the Monte Carlo TV.
     */
    public static ProductTargetError of(PropagatedError1D oneD, double r1Perp, Mixture1D factor, NoiseLevel out,
                                        int dim, int k, int tvSamples, long seed) {
        if (tvSamples < 0) throw new IllegalArgumentException("tvSamples must be >= 0, got " + tvSamples);
        ProductTvMonteCarlo mc = tvSamples == 0 ? null : new ProductTvMonteCarlo(oneD.density(), factor, out, k, tvSamples, seed);
        return of(oneD, r1Perp, dim, k, mc);
    }

    /** The same with a prepared Monte Carlo (built for the same k), or null to skip TV. */
    public static ProductTargetError of(PropagatedError1D oneD, double r1Perp, int dim, int k, ProductTvMonteCarlo mc) {
        Subspace.checkDims(dim, k);
        int m = dim - k;
        Divergence1D d = oneD.divergence();
        double klPar = k * d.kl();
        double klPerp = m == 0 ? 0 : m * GaussianDivergence.kl(r1Perp);
        double logAffinity = k * Math.log1p(-d.hellingerSquared()) + (m == 0 ? 0 : m * GaussianDivergence.logAffinity(r1Perp));
        double h2 = -Math.expm1(logAffinity);
        double upper = Math.sqrt(-Math.expm1(2 * logAffinity));
        double[] tv = mc == null ? new double[] {Double.NaN, Double.NaN} : mc.tv(m, r1Perp);
        return new ProductTargetError(klPar + klPerp, klPar, klPerp, d.kl(), h2, tv[0], tv[1], mc == null ? 0 : mc.samples(),
                h2, upper, r1Perp, oneD.refinement());
    }
}
