package org.diffold.lab.experiment.common;

import org.diffold.core.grid.TimeGrid;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.score.CoordinateField;
import org.diffold.core.target.Mixture1D;

/**
 * Exact 1-D factor errors of a sampler on a product target (docs/math.md §4.3), the one computation the
 * continuous-time experiments repeat: with the exact separable score the sampler acts coordinate-wise, so every
 * product error follows from one factor run for pi and one for the point mass.
 */
public interface FactorCalculator {
    /**
     * Errors of the factor pi after the affine plan, with score (log pi_t)' + h_t (h null: exact score). For the
     * point mass ({@link Mixture1D#pointMass()}) with h null the result is the closed form of docs/math.md §4.1.
     */
    FactorError factor(StepPlan plan, Mixture1D pi, CoordinateField h);

    /** Errors of the factor pi (point mass allowed) after the deterministic {@code pf-ode-heun} sampler on the grid. */
    FactorError heun(TimeGrid grid, Mixture1D pi);

    /** Printable settings that change the numbers (grid size, tolerances), stored with every cell. */
    String settings();
}
