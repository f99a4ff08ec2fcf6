package org.diffold.core.random;

import java.util.SplittableRandom;

/** Non-uniform variates the data generators need, drawn from an explicit generator. */
public final class Variates {
    private Variates() {}

    /**
     * Gamma(alpha, 1) by Marsaglia &amp; Tsang (ACM TOMS 26, 2000) for alpha >= 1, and
     * Gamma(alpha + 1) U^{1/alpha} for alpha &lt; 1.
     */
    public static double gamma(SplittableRandom rng, double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) throw new IllegalArgumentException("gamma shape must be > 0, got " + alpha);
        if (alpha < 1) return gamma(rng, alpha + 1) * Math.pow(rng.nextDouble(), 1 / alpha);
        double d = alpha - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /** Beta(a, b) = G_a / (G_a + G_b). */
    public static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a), y = gamma(rng, b);
        return x / (x + y);
    }

    /** Exp(1) = -log(1 - U). */
    public static double exponential(SplittableRandom rng) {
        return -Math.log1p(-rng.nextDouble());
    }
}
