package org.diffold.core.error.propagation;

/**
 * One step of a 1-D sampler, Y' = map(Y) + n Z with Z ~ N(0, 1) and map smooth and strictly increasing
 * (docs/math.md §4.3). {@link DensityPropagator1D} pushes a density through it exactly: it inverts the map by
 * Newton's method, so implementations supply the map and its derivative; the Gaussian noise is applied by FFT.
 *
 * <p>Examples: an affine-score step map(y) = a y + b s(y) ({@link MixtureStep1D}), or a deterministic
 * probability-flow ODE step (noiseStd = 0). Implementations are immutable and allocation-free.
 */
public interface Step1D {
    /** The deterministic part map(y). */
    double map(double y);

    /** map'(y) > 0. */
    double mapDerivative(double y);

    /** Standard deviation n >= 0 of the added Gaussian noise. */
    double noiseStd();

    /** Writes map(y) into out[0] and map'(y) into out[1]; override when one pass computes both more cheaply. */
    default void evaluate(double y, double[] out) {
        out[0] = map(y);
        out[1] = mapDerivative(y);
    }

    /** A printable label for errors, e.g. {@code t=988}. */
    default String label() { return "step"; }
}
