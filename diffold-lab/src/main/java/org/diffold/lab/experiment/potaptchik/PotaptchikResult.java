package org.diffold.lab.experiment.potaptchik;

import org.diffold.lab.experiment.common.FactorError;
import org.diffold.lab.experiment.common.LogLogFit;
import org.diffold.lab.experiment.common.ProductError;

import java.util.List;

/**
 * Everything the Potaptchik reproduction found; rendered by {@link PotaptchikReport}.
 *
 * @param lattice exact factor errors per scheme along the kappa lattice (KL versus K)
 * @param needed steps needed for KL &lt;= eps per (scheme, eps, d, D)
 * @param fits fitted power laws (steps versus d, steps versus D, KL versus kappa)
 * @param deltaSweep factor errors versus the early-stopping time delta
 * @param perturbed factor errors and eps_score^2 with perturbed scores
 * @param extras euler-maruyama and pf-ode-heun at a few kappas, next to the two main schemes
 * @param warnings refinement warnings (never silent)
 * @param seconds wall time of the run
 * @param pointStepsPerSecond density-propagation throughput over the cells of the run store
 */
public record PotaptchikResult(List<LatticePoint> lattice, List<Needed> needed, List<Fit> fits, List<LatticePoint> deltaSweep,
                               List<Perturbed> perturbed, List<LatticePoint> extras, List<String> warnings, double seconds,
                               double pointStepsPerSecond) {
    /** Copies the lists. */
    public PotaptchikResult {
        lattice = List.copyOf(lattice);
        needed = List.copyOf(needed);
        fits = List.copyOf(fits);
        deltaSweep = List.copyOf(deltaSweep);
        perturbed = List.copyOf(perturbed);
        extras = List.copyOf(extras);
        warnings = List.copyOf(warnings);
    }

    /**
     * One exact factor run: a scheme on a Definition 9 grid.
     *
     * @param scheme scheme name
     * @param kappa grid kappa
     * @param steps K
     * @param horizon T
     * @param delta delta of the grid
     * @param pi errors of the pi factor
     * @param pointMass errors of a point-mass coordinate
     * @param seconds time the cell took when it was computed
     */
    public record LatticePoint(String scheme, double kappa, int steps, double horizon, double delta, FactorError pi,
                               FactorError pointMass, double seconds) {
        /** The product errors for intrinsic dimension d and ambient dimension D. */
        public ProductError product(int d, int dim) { return ProductError.of(pi, pointMass, d, dim); }
    }

    /**
     * Steps needed for one (scheme, eps, d, D).
     *
     * @param scheme scheme name
     * @param eps KL target
     * @param d intrinsic dimension
     * @param dim ambient dimension D
     * @param steps the threshold
     */
    public record Needed(String scheme, double eps, int d, int dim, StepsNeeded steps) {}

    /**
     * A fitted power law y ∝ x^slope.
     *
     * @param what description, e.g. {@code K needed vs d, ddpm-posterior, eps=0.001, D=100d}
     * @param fit the fit
     */
    public record Fit(String what, LogLogFit fit) {}

    /**
     * A perturbed-score run.
     *
     * @param field perturbation description ({@code none} for the exact score)
     * @param amplitude amplitude A
     * @param epsLiYan Li–Yan eps_score^2 of the product
     * @param epsStepWeighted step-weighted eps_score^2 of the product
     * @param point the factor errors of the run
     * @param product the product errors
     */
    public record Perturbed(String field, double amplitude, double epsLiYan, double epsStepWeighted, LatticePoint point,
                            ProductError product) {}
}
