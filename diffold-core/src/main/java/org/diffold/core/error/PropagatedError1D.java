package org.diffold.core.error;

import java.util.function.DoubleUnaryOperator;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.Mixture1D;

/**
 * The exact error of a 1-D sampler against a target density, by density propagation with automatic grid refinement
 * (spec/math.md §4.3): the density is propagated on G, 2G (and 4G if the KL is not yet stable to
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

    /**
     * Propagates N(0, 1) through {@code steps} on [-halfWidth, halfWidth) from {@code startGrid} points and compares
     * with {@code targetLogDensity}. A level that is too coarse to resolve the tails (an IllegalStateException from
     * the propagator or the KL) is recorded as NaN; if the finest level fails too, the exception propagates.
     */
    public static PropagatedError1D compute(Step1D[] steps, DoubleUnaryOperator targetLogDensity, double halfWidth, int startGrid) {
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
            } catch (IllegalStateException e) {
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
        GridRefinement ref = new GridRefinement(java.util.Arrays.copyOf(sizes, levels), java.util.Arrays.copyOf(kls, levels),
                java.util.Arrays.copyOf(change, levels), converged);
        return new PropagatedError1D(div, ref, density);
    }

    /** The error of one coordinate of the plan on a product target with factor {@code factor}, with the default grid. */
    public static PropagatedError1D forMixture(StepPlan plan, Mixture1D factor) {
        NoiseLevel out = plan.outputLevel();
        double halfWidth = halfWidthFor(factor);
        return compute(MixtureStep1D.of(plan, factor), y -> factor.logDensity(out, y), halfWidth, startGrid(factor, out, halfWidth));
    }

    /**
     * A grid half-width holding N(0, 1) and every noised law of the factor with the outer sixteenth empty:
     * L = (16/14) max(7.5, max_j |mu_j| + 7.5 sqrt(max(v_j, 1))) [ours].
     */
    public static double halfWidthFor(Mixture1D factor) {
        double r = 7.5;
        for (int j = 0; j < factor.components(); j++) {
            r = Math.max(r, Math.abs(factor.mean(j)) + 7.5 * Math.sqrt(Math.max(factor.variance(j), 1)));
        }
        return r * 16 / 14;
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
