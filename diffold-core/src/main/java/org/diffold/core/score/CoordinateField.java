package org.diffold.core.score;

import org.diffold.core.process.NoiseLevel;

/**
 * A coordinate-wise score perturbation h_t: the same smooth function applied to every coordinate,
 * s(x)_j = s*(x)_j + h_t(x_j) (docs/math.md §4.4). Being separable, it keeps product targets product-form, so the
 * exact 1-D error calculators still apply. Implementations are immutable and allocation-free.
 */
public interface CoordinateField {
    /** h_t(y). */
    double value(NoiseLevel level, double y);

    /** dh_t/dy (needed to propagate densities through a perturbed sampler step). */
    double derivative(NoiseLevel level, double y);

    /** Printable description, e.g. {@code sine:amplitude=0.1,omega=2,phase=0.5}. */
    String description();
}
