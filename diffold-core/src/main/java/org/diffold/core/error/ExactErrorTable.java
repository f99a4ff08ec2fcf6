package org.diffold.core.error;

import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.product.ProductTvMonteCarlo;
import org.diffold.core.error.propagation.GridRefinement;
import org.diffold.core.error.propagation.PropagatedError1D;

import java.util.ArrayList;
import java.util.List;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Mixture1D;

/**
 * The exact-error table behind {@code reproduce li-yan} (docs/math.md §4): for every design x T x D, the exact error of
 * the sampler with the exact score on {@code gaussian-subspace} ({@link SubspaceGaussianError}) and on
 * {@code product-subspace} ({@link ProductTargetError}). The product's 1-D propagation and its Monte Carlo draws are
 * done once per (design, T) and reused for every D, since only the complement depends on D.
 */
public final class ExactErrorTable {
    /** Target names as in the CLI. */
    public static final String GAUSSIAN = "gaussian-subspace", PRODUCT = "product-subspace";

    private ExactErrorTable() {}

    /**
     * The table's settings.
     *
     * @param designs design names ({@link Designs#parse})
     * @param steps values of T
     * @param dims values of D (each >= k)
     * @param k intrinsic dimension
     * @param c0 Li–Yan schedule constant c0
     * @param c1 Li–Yan schedule constant c1
     * @param lambda variance of the gaussian-subspace target
     * @param factor the product-subspace factor
     * @param tvSamples Monte Carlo samples for the product TV (0: skip)
     * @param seed seed of the Monte Carlo
     */
    public record Config(List<String> designs, int[] steps, int[] dims, int k, double c0, double c1, double lambda,
                         Mixture1D factor, int tvSamples, long seed) {
        /** The reproduction of Li &amp; Yan's comparison: li-yan, classic, ddim; T in {100..1000}; D in {10..1000}; k = 8. */
        public static Config liYan() {
            return new Config(List.of("li-yan", "classic", "ddim"), new int[] {100, 200, 500, 1000},
                    new int[] {10, 20, 50, 100, 200, 500, 1000}, 8, LiYanSchedule.DEFAULT_C0, LiYanSchedule.DEFAULT_C1,
                    GaussianSubspaceTarget.DEFAULT_LAMBDA, Mixture1D.defaultFactor(), 10_000, 1);
        }
    }

    /**
     * One cell. Gaussian rows have the exact TV (standard error 0), r1Par and no refinement; product rows have the
     * Monte Carlo TV with its standard error, r1Par = NaN and the grid refinement of the 1-D propagation.
     */
    public record Row(String design, int steps, int dim, int k, String target, double kl, double klParallel, double klPerp,
                      double tv, double tvStandardError, double hellingerSquared, double r1Par, double r1Perp,
                      GridRefinement refinement) {
        /** True unless a grid refinement did not converge. */
        public boolean converged() { return refinement == null || refinement.converged(); }
    }

    /** Computes every cell, in the order design, T, target, D. */
    public static List<Row> compute(Config c) {
        for (int d : c.dims()) org.diffold.core.linalg.Subspace.checkDims(d, c.k());
        List<Row> rows = new ArrayList<>();
        for (String name : c.designs()) {
            CoefficientDesign design = Designs.parse(name);
            for (int t : c.steps()) {
                NoiseSchedule schedule = LiYanSchedule.create(t, c.c0(), c.c1());
                StepPlan plan = design.plan(schedule);
                double rPar = GaussianCoordinateRecursion.run(plan, c.lambda()).r();
                double rPerp = GaussianCoordinateRecursion.complement(design, schedule).r();
                for (int d : c.dims()) {
                    SubspaceGaussianError g = SubspaceGaussianError.of(d, c.k(), rPar, rPerp);
                    rows.add(new Row(name, t, d, c.k(), GAUSSIAN, g.kl(), g.klParallel(), g.klPerp(), g.tv(), 0,
                            g.hellingerSquared(), rPar, rPerp, null));
                }
                PropagatedError1D oneD = PropagatedError1D.forMixture(plan, c.factor());
                ProductTvMonteCarlo mc = c.tvSamples() == 0 ? null
                        : new ProductTvMonteCarlo(oneD.density(), c.factor(), plan.outputLevel(), c.k(), c.tvSamples(), c.seed());
                for (int d : c.dims()) {
                    ProductTargetError p = ProductTargetError.of(oneD, rPerp, d, c.k(), mc);
                    rows.add(new Row(name, t, d, c.k(), PRODUCT, p.kl(), p.klParallel(), p.klPerp(), p.tv(),
                            p.tvStandardError(), p.hellingerSquared(), Double.NaN, rPerp, p.refinement()));
                }
            }
        }
        return rows;
    }
}
