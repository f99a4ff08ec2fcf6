package org.diffold.core.error.gaussian;

import java.util.SplittableRandom;

/**
 * Draws chi^2_nu = 2 Gamma(nu / 2) in O(1) per draw: Marsaglia &amp; Tsang (2000), "A simple method for generating
 * gamma variables", ACM TOMS 26(3), with the shape-boost Gamma(a) = Gamma(a + 1) U^{1/a} for a < 1.
 */
public final class ChiSquareSampler {
    private ChiSquareSampler() {}

    /** One chi^2 draw with nu >= 1 degrees of freedom. */
    public static double sample(SplittableRandom rng, int nu) {
        return 2 * gamma(rng, 0.5 * nu);
    }

    /** One Gamma(shape, 1) draw, shape > 0. */
    public static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}
