package org.diffold.core.dimension;

/**
 * The result of an intrinsic-dimension estimator: a global value and, for local methods, one value per point
 * (null where the method has none). The pointwise array is the estimator's own; callers must not modify it.
 *
 * @param estimator registry name of the estimator, e.g. {@code mle}
 * @param global the global estimate
 * @param pointwise per-point estimates, or null
 */
public record IdEstimate(String estimator, double global, double[] pointwise) {
    /** A global-only estimate. */
    public static IdEstimate global(String estimator, double global) {
        return new IdEstimate(estimator, global, null);
    }

    /** Whether the method produced per-point estimates. */
    public boolean hasPointwise() { return pointwise != null; }
}
