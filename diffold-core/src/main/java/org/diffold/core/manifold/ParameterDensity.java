package org.diffold.core.manifold;

import java.util.SplittableRandom;

/**
 * A probability density of one manifold parameter on [lower, upper], the density "along the manifold" that sampling
 * and the quadrature scores (docs/math.md §5) use. Non-smooth densities list their kinks in {@link #breakpoints()} so
 * that quadrature panels never straddle one.
 */
public interface ParameterDensity {
    /** Lower end of the support. */
    double lower();

    /** Upper end of the support. */
    double upper();

    /** log of the density at t (negative infinity outside the support). */
    double logDensity(double t);

    /** One draw. */
    double sample(SplittableRandom rng);

    /** The support's ends and every interior point where the density is not smooth, ascending. */
    double[] breakpoints();

    /** Short description for reports, e.g. {@code uniform} or {@code piecewise[1,3]}. */
    String describe();
}
