package org.diffold.core.special;

/**
 * The digamma function psi(x) = Gamma'(x) / Gamma(x) for x > 0 to about 1e-15 absolute. (Hipparchus' digamma is
 * accurate to only ~3e-9, which the alternating binomial sums of DANCo's KL divergence amplify past 1e-8.)
 * Method: the recurrence psi(x) = psi(x + 1) - 1/x up to x >= 10, then the asymptotic series
 * psi(x) = ln x - 1/(2x) - sum_n B_{2n} / (2n x^{2n}) with seven Bernoulli terms (DLMF 5.5.2, 5.11.2).
 */
public final class Digamma {
    /** B_{2n} / (2n) for n = 1..7 (DLMF Table 24.2.1). */
    private static final double[] COEF = {1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12};

    private Digamma() {}

    /** psi(x) for x > 0. */
    public static double value(double x) {
        if (!(x > 0) || Double.isInfinite(x)) throw new IllegalArgumentException("digamma needs finite x > 0, got " + x);
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x), term = inv2, series = 0;
        for (double c : COEF) {
            series += c * term;
            term *= inv2;
        }
        return shift + Math.log(x) - 0.5 / x - series;
    }
}
