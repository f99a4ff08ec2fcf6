package org.diffold.core.error.gaussian;

import org.hipparchus.special.Gamma;

/**
 * The chi-square law with nu degrees of freedom through Hipparchus' regularised incomplete gamma
 * (F_nu(x) = P(nu/2, x/2)), plus an interval probability that keeps its relative digits for narrow intervals.
 */
final class ChiSquare {
    private static final double EPS = 1e-15;
    private static final int MAX_ITERATIONS = 1_000_000;

    private ChiSquare() {}

    /** F_nu(x) = P(X <= x). */
    static double cdf(double nu, double x) {
        if (x <= 0) return 0;
        return Gamma.regularizedGammaP(0.5 * nu, 0.5 * x, EPS, MAX_ITERATIONS);
    }

    /** 1 - F_nu(x) = P(X > x), computed directly (no cancellation in the upper tail). */
    static double survival(double nu, double x) {
        if (x <= 0) return 1;
        return Gamma.regularizedGammaQ(0.5 * nu, 0.5 * x, EPS, MAX_ITERATIONS);
    }

    /** log f_nu(x) for x > 0. */
    static double logDensity(double nu, double x) {
        double h = 0.5 * nu;
        return (h - 1) * Math.log(x) - 0.5 * x - h * Math.log(2) - Gamma.logGamma(h);
    }

    /**
     * P(x1 < X <= x1 + width), width >= 0 given separately so that a narrow interval keeps its digits. Narrow
     * intervals (width <= x1 / 2) integrate the density by adaptive Gauss–Legendre as width ∫_0^1 f(x1 + width u) du,
     * so the result keeps relative accuracy even when it is 1e-13; wide ones subtract the CDF or the survival
     * function, whichever is smaller.
     */
    static double probabilityInterval(double nu, double x1, double width) {
        if (!(width > 0)) return 0;
        double x2 = x1 + width;
        if (x1 > 0 && width <= 0.5 * x1) {
            double logNorm = -0.5 * nu * Math.log(2) - Gamma.logGamma(0.5 * nu);
            double h = 0.5 * nu - 1;
            return width * AdaptiveQuadrature.integrate(u -> {
                double x = x1 + width * u;
                return Math.exp(h * Math.log(x) - 0.5 * x + logNorm);
            }, 0, 1, 0);
        }
        if (x2 <= nu) return cdf(nu, x2) - cdf(nu, x1);
        return survival(nu, x1) - survival(nu, x2);
    }
}
