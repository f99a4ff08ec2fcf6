package org.diffold.core.manifold;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A piecewise-constant density on [lower, upper] split into m equal pieces with relative weights w_1..w_m (a
 * non-smooth density along the manifold): density w_j / (sum w * width) on piece j.
 */
public final class PiecewiseConstantDensity implements ParameterDensity {
    private final double lower, upper, width;
    private final double[] weights, cumulative, logDensity;

    /** lower &lt; upper finite; weights positive and finite (normalised here). */
    public PiecewiseConstantDensity(double lower, double upper, double[] weights) {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("piecewise density needs finite lower < upper, got [" + lower + ", " + upper + "]");
        }
        if (weights.length < 1) throw new IllegalArgumentException("piecewise density needs >= 1 weight, got 0");
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0) || Double.isInfinite(w)) throw new IllegalArgumentException("piecewise density weights must be > 0 and finite, got " + w);
            sum += w;
        }
        this.lower = lower;
        this.upper = upper;
        int m = weights.length;
        this.width = (upper - lower) / m;
        this.weights = new double[m];
        this.cumulative = new double[m];
        this.logDensity = new double[m];
        double acc = 0;
        for (int j = 0; j < m; j++) {
            this.weights[j] = weights[j] / sum;
            acc += this.weights[j];
            cumulative[j] = acc;
            logDensity[j] = Math.log(this.weights[j] / width);
        }
        cumulative[m - 1] = 1;
    }

    /** The weights, normalised to sum 1. */
    public double[] weights() { return weights.clone(); }

    @Override public double lower() { return lower; }
    @Override public double upper() { return upper; }

    @Override
    public double logDensity(double t) {
        if (!(t >= lower && t <= upper)) return Double.NEGATIVE_INFINITY;
        return logDensity[piece(t)];
    }

    private int piece(double t) {
        return Math.min(weights.length - 1, (int) ((t - lower) / width));
    }

    @Override
    public double sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        int j = 0;
        while (j < weights.length - 1 && u >= cumulative[j]) j++;
        return lower + width * (j + rng.nextDouble());
    }

    @Override
    public double[] breakpoints() {
        double[] b = new double[weights.length + 1];
        for (int j = 0; j <= weights.length; j++) b[j] = j == weights.length ? upper : lower + j * width;
        return b;
    }

    @Override
    public String describe() {
        return "piecewise" + Arrays.toString(weights);
    }
}
