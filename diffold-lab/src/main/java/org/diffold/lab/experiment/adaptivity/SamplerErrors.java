package org.diffold.lab.experiment.adaptivity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.error.gaussian.GaussianDivergence;
import org.diffold.core.error.propagation.HeunStep1D;
import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.propagation.Step1D;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.error.solver.SolverGaussianError;
import org.diffold.core.error.solver.SolverProductError;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.sampler.AffineScheme;
import org.diffold.core.sampler.ContinuousScheme;
import org.diffold.core.solver.SolverProgram;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Mixture1D;
import org.diffold.core.target.ProductSubspaceTarget;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.lab.experiment.common.ExactErrors;
import org.diffold.lab.experiment.common.ExactFactorCalculator;
import org.diffold.lab.experiment.common.FactorError;

/**
 * Exact errors of a practitioners' sampler ({@code --sampler}) or a continuous-time scheme ({@code --scheme}) with the
 * exact score, as ordered result maps with the keys of {@link ExactErrors} plus {@code kl_perp_per_coordinate}
 * (docs/math.md §4.1–§4.3). Gaussian target: exact KL / TV / Hellinger; product target: KL by 1-D density
 * propagation, TV by Monte Carlo (single-step samplers and every scheme).
 */
public final class SamplerErrors {
    private SamplerErrors() {}

    /** The error of a solver program on the target; {@code seed} drives the product target's Monte Carlo TV. */
    public static Map<String, Object> solver(SubspaceTarget target, SolverProgram p, long seed) {
        int dim = target.dim(), k = target.intrinsicDim();
        return switch (target.name()) {
            case "gaussian-subspace" -> gaussian(SolverGaussianError.compute(p, dim, k, ((GaussianSubspaceTarget) target).lambda()), dim, k, p.outputSigma());
            case "product-subspace" -> perCoordinate(ExactErrors.product(SolverProductError.compute(p, dim, k,
                    ((ProductSubspaceTarget) target).factor(), ExactErrors.TV_SAMPLES, seed)), dim, k);
            default -> throw unsupported(target);
        };
    }

    /** The error of a continuous-time scheme on a grid (Potaptchik's calculators: docs/math.md §3.2, §4.1, §4.3). */
    public static Map<String, Object> scheme(SubspaceTarget target, ContinuousScheme scheme, TimeGrid grid, long seed) {
        int dim = target.dim(), k = target.intrinsicDim();
        if (scheme instanceof AffineScheme a) {
            return switch (target.name()) {
                case "gaussian-subspace" -> perCoordinate(ExactErrors.gaussianMap(SubspaceGaussianError.compute(a.plan(grid), dim, k,
                        ((GaussianSubspaceTarget) target).lambda())), dim, k);
                case "product-subspace" -> perCoordinate(ExactErrors.product(ProductTargetError.compute(a.plan(grid), dim, k,
                        ((ProductSubspaceTarget) target).factor(), ExactErrors.TV_SAMPLES, seed)), dim, k);
                default -> throw unsupported(target);
            };
        }
        // pf-ode-heun: with a Gaussian factor every Heun step is linear, y -> g y, so its r is prod g^2 / s - 1
        return switch (target.name()) {
            case "gaussian-subspace" -> {
                double lambda = ((GaussianSubspaceTarget) target).lambda();
                yield perCoordinate(ExactErrors.gaussianMap(SubspaceGaussianError.of(dim, k, heunR(grid, lambda), heunR(grid, 0))), dim, k);
            }
            case "product-subspace" -> heunProduct(grid, ((ProductSubspaceTarget) target).factor(), dim, k);
            default -> throw unsupported(target);
        };
    }

    /** r = v / s - 1 of a coordinate with data law N(0, lambda) under pf-ode-heun. */
    static double heunR(TimeGrid grid, double lambda) {
        Mixture1D gauss = new Mixture1D(new double[] {1}, new double[] {0}, new double[] {lambda});
        double logV = 0;
        for (Step1D s : HeunStep1D.of(grid, gauss)) { double g = s.map(1); logV += Math.log(g * g); }
        var out = grid.outputLevel();
        return Math.expm1(logV - Math.log(lambda * out.alphaBar() + out.sigma2()));
    }

    private static Map<String, Object> heunProduct(TimeGrid grid, Mixture1D pi, int dim, int k) {
        ExactFactorCalculator calc = new ExactFactorCalculator();
        FactorError f = calc.heun(grid, pi);
        double rPerp = heunR(grid, 0);
        int m = dim - k;
        double klPoint = GaussianDivergence.kl(rPerp);
        double logAff = k * f.logAffinity() + m * GaussianDivergence.logAffinity(rPerp);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kl", k * f.kl() + m * klPoint);
        r.put("tv", Double.NaN);
        r.put("tv_lower", -Math.expm1(logAff));
        r.put("tv_upper", Math.sqrt(-Math.expm1(2 * logAff)));
        r.put("hellinger2", -Math.expm1(logAff));
        r.put("kl_par", k * f.kl());
        r.put("kl_perp", m * klPoint);
        r.put("kl_perp_per_coordinate", klPoint);
        r.put("kl_1d", f.kl());
        r.put("r1_perp", rPerp);
        r.put("tv_method", "Hellinger bounds (no Monte Carlo for pf-ode-heun)");
        r.put("grid_converged", f.resolved());
        return r;
    }

    private static Map<String, Object> gaussian(SolverGaussianError e, int dim, int k, double outSigma) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kl", e.kl());
        r.put("tv", e.tv());
        r.put("hellinger2", e.hellingerSquared());
        r.put("kl_par", e.klParallel());
        r.put("kl_perp", e.klPerp());
        r.put("kl_perp_per_coordinate", e.klPerpPerCoordinate());
        r.put("r1_par", e.rPar());
        r.put("r1_perp", e.rPerp());
        r.put("residual_perp_std", e.residualPerpStd());
        r.put("output_sigma", outSigma);
        r.put("tv_method", "exact (chi-square integral)");
        return r;
    }

    /** Adds kl_perp_per_coordinate after kl_perp. */
    private static Map<String, Object> perCoordinate(Map<String, Object> m, int dim, int k) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            r.put(e.getKey(), e.getValue());
            if (e.getKey().equals("kl_perp")) r.put("kl_perp_per_coordinate", dim > k ? ((Double) e.getValue()) / (dim - k) : 0.0);
        }
        return r;
    }

    private static IllegalArgumentException unsupported(SubspaceTarget target) {
        return new IllegalArgumentException("no exact calculator for target '" + target.name() + "'; exact errors exist for "
                + String.join(", ", List.copyOf(ExactErrors.SUPPORTED)));
    }
}
