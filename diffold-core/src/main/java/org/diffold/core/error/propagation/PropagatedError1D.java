package org.diffold.core.error.propagation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.Mixture1D;

/**
 * The exact error of a 1-D sampler against a target density, by density propagation with automatic grid refinement
 * (docs/math.md §4.3): the density is propagated on G, 2G (and 4G if the KL is not yet stable to
 * {@link GridRefinement#RELATIVE_TOLERANCE}); the divergences and the density are those of the finest grid.
 * A result whose refinement did not converge carries {@link GridRefinement#converged()} = false and a warning.
 *
 * @param divergence KL, Hellinger and TV on the finest grid
 * @param refinement grid sizes, KLs and relative changes
 * @param density the propagated density on the finest grid, interpolated ({@link GridDensity#density})
 */
public record PropagatedError1D(Divergence1D divergence, GridRefinement refinement, GridDensity density) {
    /** Grid levels tried at most (G, 2G, 4G). */
    public static final int MAX_LEVELS = 3;
    /** Automatic doublings of the grid half-width when the density reaches the edge. */
    public static final int MAX_WIDENINGS = 2;

    /**
     * Propagates N(0, 1) through {@code steps} on [-halfWidth, halfWidth) from {@code startGrid} points and compares
     * with {@code targetLogDensity}. A level that fails (IllegalStateException: tails unresolved, or an unresolved
     * density whose FFT ringing reaches the edge) is recorded as NaN and the next finer grid is tried. When the finest
     * level reaches the grid edge ({@link GridEdgeException}) the half-width and the grid sizes are doubled (same
     * spacings) and the refinement restarts, at most {@value #MAX_WIDENINGS} times; other failures of the finest
     * level propagate.
     */
    public static PropagatedError1D compute(Step1D[] steps, DoubleUnaryOperator targetLogDensity, double halfWidth, int startGrid) {
        for (int widen = 0; ; widen++) {
            try {
                return refine(steps, targetLogDensity, halfWidth, startGrid);
            } catch (GridEdgeException e) {
                if (widen >= MAX_WIDENINGS) throw e;
                halfWidth *= 2;
                startGrid *= 2;
            }
        }
    }

    private static PropagatedError1D refine(Step1D[] steps, DoubleUnaryOperator targetLogDensity, double halfWidth, int startGrid) {
        int[] sizes = new int[MAX_LEVELS];
        double[] kls = new double[MAX_LEVELS], change = new double[MAX_LEVELS];
        Divergence1D div = null;
        GridDensity density = null;
        int levels = 0;
        boolean converged = false;
        for (int g = startGrid; levels < MAX_LEVELS; g *= 2) {
            sizes[levels] = g;
            try {
                density = new DensityPropagator1D(g, halfWidth).propagate(steps);
                div = density.divergenceFrom(targetLogDensity);
                kls[levels] = div.kl();
            } catch (IllegalStateException e) { // too coarse: tails unresolved, or ringing that reaches the edge
                if (levels == MAX_LEVELS - 1) throw e;
                kls[levels] = Double.NaN;
                density = null;
                div = null;
            }
            change[levels] = levels == 0 ? Double.NaN : Math.abs(kls[levels] - kls[levels - 1]) / Math.abs(kls[levels]);
            levels++;
            if (levels >= 2 && div != null) {
                double abs = Math.abs(kls[levels - 1] - kls[levels - 2]);
                if (abs <= GridRefinement.ABSOLUTE_FLOOR || change[levels - 1] <= GridRefinement.RELATIVE_TOLERANCE) {
                    converged = true;
                    break;
                }
            }
        }
        GridRefinement ref = new GridRefinement(Arrays.copyOf(sizes, levels), Arrays.copyOf(kls, levels),
                Arrays.copyOf(change, levels), converged);
        return new PropagatedError1D(div, ref, density);
    }

    /** The error of one coordinate of the plan on a product target with factor {@code factor}, with the default grid. */
    public static PropagatedError1D forMixture(StepPlan plan, Mixture1D factor) {
        NoiseLevel out = plan.outputLevel();
        double halfWidth = halfWidthFor(factor);
        return compute(MixtureStep1D.of(plan, factor), y -> factor.logDensity(out, y), halfWidth, startGrid(factor, out, halfWidth));
    }

    /**
     * A grid half-width holding N(0, 1) and every noised law of the factor, with room for a sampler that
     * over-disperses by 40% in standard deviation, and the outer eighth empty:
     * L = (8/7) max_j (|mu_j| + 9 sqrt(max(v_j, 1))) [ours; widened automatically when too small].
     */
    public static double halfWidthFor(Mixture1D factor) {
        double r = 9;
        for (int j = 0; j < factor.components(); j++) {
            r = Math.max(r, Math.abs(factor.mean(j)) + 9 * Math.sqrt(Math.max(factor.variance(j), 1)));
        }
        return r * 8 / 7;
    }

    /**
     * Start grid: the smallest power of 2 (at least 256) giving 6 points per standard deviation of the narrowest
     * component of the target at the output level [ours; the refinement checks it].
     */
    public static int startGrid(Mixture1D factor, NoiseLevel out, double halfWidth) {
        double sd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < factor.components(); j++) {
            sd = Math.min(sd, Math.sqrt(out.alphaBar() * factor.variance(j) + out.sigma2()));
        }
        double points = 2 * halfWidth / (sd / 6);
        int g = 256;
        while (g < points && g < (1 << 24)) g *= 2;
        return g;
    }
}
