package org.diffold.core.error.gaussian;

import java.util.function.DoubleUnaryOperator;
import org.diffold.core.special.GaussLegendre;

/**
 * Globally adaptive Gauss–Legendre quadrature (16 nodes, {@link GaussLegendre}): the interval with the largest error
 * estimate |rule(left) + rule(right) - rule(whole)| is bisected until the summed estimate is below
 * max(absTol, relTol |value|) or {@value #MAX_INTERVALS} intervals are in use. Off the hot paths only.
 */
final class AdaptiveQuadrature {
    private static final int MAX_INTERVALS = 4000;
    private static final double DEFAULT_REL_TOL = 1e-14;
    private static final double[] NODE = GaussLegendre.nodes(16), WEIGHT = GaussLegendre.weights(16);

    private AdaptiveQuadrature() {}

    /** ∫_a^b f to absolute tolerance absTol (and relative 1e-14). */
    static double integrate(DoubleUnaryOperator f, double a, double b, double absTol) {
        return integrate(f, a, b, 1, absTol, DEFAULT_REL_TOL);
    }

    /** ∫_a^b f starting from {@code pieces} equal sub-intervals, relative tolerance 1e-14. */
    static double integrate(DoubleUnaryOperator f, double a, double b, int pieces, double absTol) {
        return integrate(f, a, b, pieces, absTol, DEFAULT_REL_TOL);
    }

    /** ∫_a^b f starting from {@code pieces} equal sub-intervals, to max(absTol, relTol |value|). */
    static double integrate(DoubleUnaryOperator f, double a, double b, int pieces, double absTol, double relTol) {
        if (!(b > a)) return 0;
        double[] lo = new double[MAX_INTERVALS], hi = new double[MAX_INTERVALS];
        double[] val = new double[MAX_INTERVALS], err = new double[MAX_INTERVALS];
        int count = 0;
        double w = (b - a) / pieces;
        for (int i = 0; i < pieces; i++) {
            double l = a + i * w, h = i == pieces - 1 ? b : a + (i + 1) * w;
            count = set(f, lo, hi, val, err, count, l, h);
        }
        while (true) {
            double total = 0, totalErr = 0;
            int worst = 0;
            for (int i = 0; i < count; i++) {
                total += val[i];
                totalErr += err[i];
                if (err[i] > err[worst]) worst = i;
            }
            if (totalErr <= Math.max(absTol, relTol * Math.abs(total)) || count + 1 >= MAX_INTERVALS) return total;
            double l = lo[worst], h = hi[worst], mid = 0.5 * (l + h);
            set(f, lo, hi, val, err, worst, l, mid);
            count = set(f, lo, hi, val, err, count, mid, h);
        }
    }

    /** Fills slot i with [l, h] (value = sum of the two half rules, error = their gap to the whole rule). */
    private static int set(DoubleUnaryOperator f, double[] lo, double[] hi, double[] val, double[] err, int i,
                           double l, double h) {
        double mid = 0.5 * (l + h);
        double whole = rule(f, l, h), both = rule(f, l, mid) + rule(f, mid, h);
        lo[i] = l;
        hi[i] = h;
        val[i] = both;
        err[i] = Math.abs(both - whole);
        return i + 1;
    }

    private static double rule(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b), h = 0.5 * (b - a), s = 0;
        for (int i = 0; i < NODE.length; i++) s += WEIGHT[i] * f.applyAsDouble(c + h * NODE[i]);
        return s * h;
    }
}
