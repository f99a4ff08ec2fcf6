package org.diffold.core.special;

/**
 * Modified Bessel functions of the first kind, in the forms the von Mises–Fisher posterior (docs/math.md §5) and
 * DANCo's von Mises fits (spec §8) need: the ratio r_nu(x) = I_nu(x) / I_{nu-1}(x) and log I_0(x), stable for
 * all x >= 0 (no overflow: I_nu itself is never formed).
 *
 * <p>The ratio uses Gauss' continued fraction (DLMF 10.33.1) for x &lt;= nu, where it converges in a few terms, and
 * Perron's for x &gt; nu, which converges fast when x &gt;&gt; nu (Gautschi &amp; Slavik, Math. Comp. 32 (1978)
 * 865–875), both by the modified Lentz algorithm to relative accuracy 1e-15.
 */
public final class Bessel {
    private static final double EPS = 1e-16, TINY = 1e-300;
    private static final int MAX_TERMS = 100_000;

    private Bessel() {}

    /** r_nu(x) = I_nu(x) / I_{nu-1}(x) for nu >= 1/2 and x >= 0 (0 at x = 0, tends to 1 as x -> infinity). */
    public static double ratio(double nu, double x) {
        if (!(nu >= 0.5) || Double.isInfinite(nu)) throw new IllegalArgumentException("nu must be >= 0.5, got " + nu);
        if (!(x >= 0)) throw new IllegalArgumentException("x must be >= 0, got " + x);
        if (x == 0) return 0;
        if (Double.isInfinite(x)) return 1;
        return x <= nu ? gauss(nu, x) : perron(nu, x);
    }

    /** Gauss: r = 1 / (2nu/x + 1 / (2(nu+1)/x + 1 / (2(nu+2)/x + ...))). */
    private static double gauss(double nu, double x) {
        // Lentz for f = b0 + 1/(b1 + 1/(b2 + ...)), b_k = 2(nu+k)/x; r = 1/f
        double f = 2 * nu / x, c = f, d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            double b = 2 * (nu + k) / x;
            d = b + d;
            d = d == 0 ? TINY : d;
            c = b + 1 / c;
            c = c == 0 ? TINY : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) return 1 / f;
        }
        throw new IllegalStateException("Bessel ratio (Gauss) did not converge for nu=" + nu + ", x=" + x);
    }

    /**
     * Perron: r = x / (b0 + a1 / (b1 + a2 / (b2 + ...))) with b0 = 2nu + x, a_k = -(2nu + 2k - 1) x,
     * b_k = 2nu + k + 2x.
     */
    private static double perron(double nu, double x) {
        double f = 2 * nu + x, c = f, d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            double a = -(2 * nu + 2 * k - 1) * x, b = 2 * nu + k + 2 * x;
            d = b + a * d;
            d = d == 0 ? TINY : d;
            c = b + a / c;
            c = c == 0 ? TINY : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) return x / f;
        }
        throw new IllegalStateException("Bessel ratio (Perron) did not converge for nu=" + nu + ", x=" + x);
    }

    /**
     * log I_0(x) for x >= 0: power series sum (x^2/4)^m / (m!)^2 for x &lt; 20, else the Hankel expansion
     * e^x / sqrt(2 pi x) sum_m ((2m-1)!!)^2 / (m! (8x)^m) summed until its terms stop decreasing (DLMF 10.40.1),
     * whose error is then below 1e-16 relative.
     */
    public static double logI0(double x) {
        if (!(x >= 0)) throw new IllegalArgumentException("x must be >= 0, got " + x);
        if (Double.isInfinite(x)) return x;
        if (x < 20) {
            double q = x * x / 4, term = 1, sum = 1;
            for (int m = 1; m < 500 && term > 1e-17 * sum; m++) {
                term *= q / ((double) m * m);
                sum += term;
            }
            return Math.log(sum);
        }
        double term = 1, sum = 1;
        for (int m = 1; m < 200; m++) {
            double next = term * (2 * m - 1) * (2 * m - 1) / (m * 8 * x);
            if (next >= term || next < 1e-17) break;
            term = next;
            sum += term;
        }
        return x - 0.5 * Math.log(2 * Math.PI * x) + Math.log(sum);
    }

    /**
     * The inverse of A(tau) = r_1(tau) = I_1(tau) / I_0(tau) on R in [0, 1): the maximum-likelihood concentration of a
     * von Mises sample with mean resultant length R. Safeguarded Newton on A'(tau) = 1 - A/tau - A^2 inside a
     * bisection bracket, to relative accuracy 1e-12.
     */
    public static double inverseA1(double rBar) {
        if (!(rBar >= 0 && rBar < 1)) throw new IllegalArgumentException("mean resultant length must be in [0, 1), got " + rBar);
        if (rBar == 0) return 0;
        double lo = 0, hi = 1;
        while (ratio(1, hi) < rBar) { lo = hi; hi *= 2; }
        double tau = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double a = ratio(1, tau), g = a - rBar;
            if (g > 0) hi = tau; else lo = tau;
            double slope = 1 - a / tau - a * a;
            double next = slope > 0 ? tau - g / slope : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - tau) <= 1e-12 * tau) return next;
            tau = next;
        }
        return tau;
    }
}
