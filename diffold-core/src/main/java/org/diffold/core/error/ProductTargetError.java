package org.diffold.core.error;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.target.Mixture1D;

/**
 * Exact error on {@code product-subspace}: pi^{⊗k} ⊗ delta_0^{⊗(D-k)} in a k-dimensional subspace (spec/math.md §4.3).
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
     * the propagation does not depend on D). Monte Carlo sample i uses stream i of {@code seed}.
     */
    public static ProductTargetError of(PropagatedError1D oneD, double r1Perp, Mixture1D factor, NoiseLevel out,
                                        int dim, int k, int tvSamples, long seed) {
        Subspace.checkDims(dim, k);
        if (tvSamples < 0) throw new IllegalArgumentException("tvSamples must be >= 0, got " + tvSamples);
        int m = dim - k;
        Divergence1D d = oneD.divergence();
        double klPar = k * d.kl();
        double klPerp = m == 0 ? 0 : m * GaussianDivergence.kl(r1Perp);
        double logAffinity = k * Math.log1p(-d.hellingerSquared()) + (m == 0 ? 0 : m * GaussianDivergence.logAffinity(r1Perp));
        double h2 = -Math.expm1(logAffinity);
        double upper = Math.sqrt(-Math.expm1(2 * logAffinity));
        double tv = Double.NaN, se = Double.NaN;
        if (tvSamples > 0) {
            double[] est = monteCarloTv(oneD.density(), factor, out, k, m, r1Perp, tvSamples, seed);
            tv = est[0];
            se = est[1];
        }
        return new ProductTargetError(klPar + klPerp, klPar, klPerp, d.kl(), h2, tv, se, tvSamples, h2, upper, r1Perp,
                oneD.refinement());
    }

    /** {mean, standard error} of (1 - q/p)_+ over target draws. */
    private static double[] monteCarloTv(GridDensity q, Mixture1D factor, NoiseLevel out, int k, int m, double rPerp,
                                         int n, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        RandomStreams radius = streams.child("complement-radius");
        double c = out.c(), sd = Math.sqrt(out.sigma2());
        double logDetPerp = m == 0 ? 0 : -0.5 * m * Math.log1p(rPerp), uPerp = rPerp / (1 + rPerp);
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = streams.stream(i);
            double logRatio = 0; // log q(Y) - log p(Y) at a target draw Y
            for (int r = 0; r < k && logRatio > Double.NEGATIVE_INFINITY; r++) {
                double y = c * factor.sample(rng) + sd * rng.nextGaussian();
                double qy = q.density(y);
                logRatio += qy > 0 ? Math.log(qy) - factor.logDensity(out, y) : Double.NEGATIVE_INFINITY;
            }
            if (m > 0) {
                // complement: |P_perp Y|^2 = s chi^2_m; log q/p = -(m/2) log(1 + r) + (1/2) u chi^2_m [derived, §4.2]
                logRatio += logDetPerp + 0.5 * uPerp * ChiSquareSampler.sample(radius.stream(i), m);
            }
            double v = logRatio >= 0 ? 0 : -Math.expm1(logRatio);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n;
        double var = n > 1 ? Math.max(0, (sum2 - n * mean * mean) / (n - 1)) : Double.NaN;
        return new double[] {mean, Math.sqrt(var / n)};
    }
}
