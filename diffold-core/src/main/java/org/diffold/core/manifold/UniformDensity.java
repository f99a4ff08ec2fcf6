package org.diffold.core.manifold;

import java.util.SplittableRandom;

/** The uniform density 1 / (upper - lower) on [lower, upper]. */
public final class UniformDensity implements ParameterDensity {
    private final double lower, upper, logDensity;

    /** lower &lt; upper, both finite. */
    public UniformDensity(double lower, double upper) {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("uniform density needs finite lower < upper, got [" + lower + ", " + upper + "]");
        }
        this.lower = lower;
        this.upper = upper;
        this.logDensity = -Math.log(upper - lower);
    }

    @Override public double lower() { return lower; }
    @Override public double upper() { return upper; }
    @Override public double logDensity(double t) { return t >= lower && t <= upper ? logDensity : Double.NEGATIVE_INFINITY; }
    @Override public double sample(SplittableRandom rng) { return lower + (upper - lower) * rng.nextDouble(); }
    @Override public double[] breakpoints() { return new double[] {lower, upper}; }
    @Override public String describe() { return "uniform"; }
}
