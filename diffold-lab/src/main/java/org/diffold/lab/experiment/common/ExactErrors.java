package org.diffold.lab.experiment.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.core.error.propagation.GridRefinement;
import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.ProductSubspaceTarget;
import org.diffold.core.target.SubspaceTarget;

/**
 * The exact error of a sampler with the exact score, as an ordered result map (docs/math.md §4): one entry point
 * for the {@code error} command and every experiment, so results carry the same keys everywhere.
 */
public final class ExactErrors {
    /** Target names that have an exact calculator. */
    public static final java.util.List<String> SUPPORTED = java.util.List.of("gaussian-subspace", "product-subspace");

    /** Monte Carlo samples for the product target's TV (standard error <= 0.5 / sqrt(n) = 0.005). */
    public static final int TV_SAMPLES = 10_000;

    private ExactErrors() {}

    /**
     * Dispatches on the target's registry name; {@code seed} drives the Monte Carlo TV of product targets. The
     * design and schedule (not only their step plan) are passed so that the complement ratio r_1 uses the closed-form
     * recursion of docs/math.md §4.1 where it applies, which keeps li-yan's r_1 ~ 1e-19 above rounding noise.
     */
    public static Map<String, Object> of(SubspaceTarget target, CoefficientDesign design, NoiseSchedule schedule, long seed) {
        return switch (target.name()) {
            case "gaussian-subspace" -> gaussian(design, schedule, target.dim(), target.intrinsicDim(),
                    ((GaussianSubspaceTarget) target).lambda());
            case "product-subspace" -> product(ProductTargetError.compute(design, schedule, target.dim(),
                    target.intrinsicDim(), ((ProductSubspaceTarget) target).factor(), TV_SAMPLES, seed));
            default -> throw new IllegalArgumentException("no exact calculator for target '" + target.name()
                    + "'; exact errors exist for " + String.join(", ", SUPPORTED));
        };
    }

    /** gaussian-subspace: KL, exact TV (chi-square integral) and Hellinger (docs/math.md §4.2). */
    public static Map<String, Object> gaussian(CoefficientDesign design, NoiseSchedule schedule, int dim, int k, double lambda) {
        return gaussianMap(SubspaceGaussianError.compute(design, schedule, dim, k, lambda));
    }

    /** The result map of a computed gaussian-subspace error. */
    public static Map<String, Object> gaussianMap(SubspaceGaussianError e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kl", e.kl());
        r.put("tv", e.tv());
        r.put("hellinger2", e.hellingerSquared());
        r.put("kl_par", e.klParallel());
        r.put("kl_perp", e.klPerp());
        r.put("r1_perp", e.r1Perp());
        r.put("r1_par", e.r1Par());
        r.put("tv_method", "exact (chi-square integral)");
        return r;
    }

    /** product-subspace: KL by 1-D density propagation, Monte Carlo TV with its standard error (docs/math.md §4.3). */
    public static Map<String, Object> product(ProductTargetError e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kl", e.kl());
        r.put("tv", e.tv());
        r.put("tv_se", e.tvStandardError());
        r.put("tv_samples", e.tvSamples());
        r.put("tv_lower", e.tvLowerBound());
        r.put("tv_upper", e.tvUpperBound());
        r.put("hellinger2", e.hellingerSquared());
        r.put("kl_par", e.klParallel());
        r.put("kl_perp", e.klPerp());
        r.put("kl_1d", e.kl1D());
        r.put("r1_perp", e.r1Perp());
        r.put("tv_method", "Monte Carlo with exact density ratio");
        GridRefinement g = e.refinement();
        r.put("grid_sizes", java.util.Arrays.stream(g.gridSizes()).boxed().toList());
        r.put("grid_kls", java.util.Arrays.stream(g.kl()).boxed().toList());
        r.put("grid_rel_change", g.relativeChange().length == 0 ? Double.NaN : g.relativeChange()[g.relativeChange().length - 1]);
        r.put("grid_converged", g.converged());
        if (!g.converged()) r.put("warning", g.warning());
        return r;
    }
}
