package org.diffold.lab.experiment.common;

import org.diffold.core.error.propagation.Divergence1D;
import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.GaussianDivergence;
import org.diffold.core.error.propagation.GridRefinement;
import org.diffold.core.error.propagation.HeunStep1D;
import org.diffold.core.error.propagation.MixtureStep1D;
import org.diffold.core.error.propagation.PerturbedMixtureStep1D;
import org.diffold.core.error.propagation.PropagatedError1D;
import org.diffold.core.error.propagation.Step1D;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.score.CoordinateField;
import org.diffold.core.target.Mixture1D;

/**
 * The exact factor calculator (docs/math.md §4.1, §4.3): point-mass coordinates with the exact score by the Gaussian
 * variance recursion ({@link GaussianCoordinateRecursion}; for {@code pf-ode-heun} the linear map's gain), everything
 * else by 1-D density propagation with grid refinement ({@link PropagatedError1D}: G, 2G, 4G until the KL is stable to
 * 1e-3 relative; an unconverged refinement is reported, never hidden). When the density reaches the edge of the
 * default grid the half-width is widened 1.5x (at the same resolution), at most twice.
 */
public final class ExactFactorCalculator implements FactorCalculator {
    @Override
    public FactorError factor(StepPlan plan, Mixture1D pi, CoordinateField h) {
        if (h == null && isPointMass(pi)) return gaussian(GaussianCoordinateRecursion.run(plan, 0).r());
        Step1D[] steps = h == null ? MixtureStep1D.of(plan, pi) : PerturbedMixtureStep1D.of(plan, pi, h);
        return propagate(steps, pi, plan.outputLevel());
    }

    @Override
    public FactorError heun(TimeGrid grid, Mixture1D pi) {
        Step1D[] steps = HeunStep1D.of(grid, pi);
        if (!isPointMass(pi)) return propagate(steps, pi, grid.outputLevel());
        // with the exact point-mass score every Heun step is linear, y -> g_k y, so Y_K ~ N(0, prod g_k^2)
        double logV = 0;
        for (Step1D s : steps) logV += 2 * Math.log(s.map(1));
        double s2 = grid.outputLevel().sigma2();
        return gaussian(Math.expm1(logV - Math.log(s2)));
    }

    @Override
    public String settings() {
        return "propagation:grids G,2G,4G from 6 points per sd,rel-tol=" + GridRefinement.RELATIVE_TOLERANCE;
    }

    private static boolean isPointMass(Mixture1D pi) {
        return pi.components() == 1 && pi.variance(0) == 0 && pi.mean(0) == 0;
    }

    private static FactorError gaussian(double r) {
        return FactorError.exact(GaussianDivergence.kl(r), GaussianDivergence.logAffinity(r), GaussianDivergence.tvIsotropic(1, r));
    }

    /** Width retries when the density reaches the grid edge (a scheme can overshoot the variance of N(0, 1) early on). */
    static final int WIDEN_RETRIES = 2;
    /** Half-width factor per retry, keeping the points per unit length (ours). */
    static final double WIDEN = 1.5;

    private static FactorError propagate(Step1D[] steps, Mixture1D pi, NoiseLevel out) {
        double hw = PropagatedError1D.halfWidthFor(pi);
        int grid = PropagatedError1D.startGrid(pi, out, hw);
        PropagatedError1D res = null;
        for (int attempt = 0; res == null; attempt++) {
            try {
                res = PropagatedError1D.compute(steps, y -> pi.logDensity(out, y), hw, grid);
            } catch (IllegalStateException e) {
                if (attempt >= WIDEN_RETRIES || e.getMessage() == null || !e.getMessage().contains("grid edge")) throw e;
                hw *= WIDEN;
                grid = PropagatedError1D.startGrid(pi, out, hw);
            }
        }
        Divergence1D div = res.divergence();
        GridRefinement ref = res.refinement();
        long work = 0;
        for (int g : ref.gridSizes()) work += (long) g * steps.length;
        double change = ref.relativeChange()[ref.relativeChange().length - 1];
        return new FactorError(div.kl(), Math.log1p(-div.hellingerSquared()), div.tv(), ref.finestGrid(),
                Double.isNaN(change) ? 0 : change, ref.converged(), work);
    }
}
