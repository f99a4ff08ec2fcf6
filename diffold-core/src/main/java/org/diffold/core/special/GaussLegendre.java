package org.diffold.core.special;

import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Legendre rules on [-1, 1] (docs/math.md §5), the nodes increasing: Hipparchus's rules (computed in 40-digit
 * {@code Dfp} arithmetic, then converted to double). Building one costs about 120 ms in a fresh JVM, half the CPU
 * time of a short {@code error} command, so the rules the project uses by default (8 nodes for the curve
 * quadrature, 16 for the adaptive one) are kept here as the doubles Hipparchus gives, and a test checks them
 * against Hipparchus bit for bit; any other n is asked of Hipparchus once and cached.
 */
public final class GaussLegendre {
    /** The upper halves (x_i > 0, increasing, and their weights) of the 8- and 16-point rules. */
    private static final double[] X8 = {0x1.77ac94f3c7345p-3, 0x1.0d129583284b4p-1, 0x1.97e4ab249f41ep-1,
        0x1.ebab1cb0acc67p-1};
    private static final double[] W8 = {0x1.736360b199344p-2, 0x1.413c50a255617p-2, 0x1.c76fb531d2b92p-3,
        0x1.9ea1d04ca036ep-4};
    private static final double[] X16 = {0x1.852bd6676a9f9p-4, 0x1.205cae642337cp-2, 0x1.d50259a43a772p-2,
        0x1.3c5a466d5e8b8p-1, 0x1.82c45dda4726bp-1, 0x1.bb3403514e483p-1, 0x1.e39f56616f9bp-1, 0x1.fa92c264d787ep-1};
    private static final double[] W16 = {0x1.83feae80e4dfbp-3, 0x1.75f8c77e0c01p-3, 0x1.5a6ebbb5a75fdp-3,
        0x1.325f61bca3cc3p-3, 0x1.fe7af2bad386fp-4, 0x1.85c4ee79cc26p-4, 0x1.fdfb1a2c1264bp-5, 0x1.bcddab4b7c206p-6};
    private static final ConcurrentHashMap<Integer, double[][]> RULES = new ConcurrentHashMap<>();

    private GaussLegendre() {}

    /** Nodes of the n-point rule (n >= 1), increasing; a fresh copy. */
    public static double[] nodes(int n) { return rule(n)[0].clone(); }

    /** Weights of the n-point rule, in the order of {@link #nodes}; a fresh copy. */
    public static double[] weights(int n) { return rule(n)[1].clone(); }

    private static double[][] rule(int n) {
        if (n < 1) throw new IllegalArgumentException("Gauss-Legendre points must be >= 1, got " + n);
        return RULES.computeIfAbsent(n, GaussLegendre::build);
    }

    private static double[][] build(int n) {
        if (n == 8) return mirror(X8, W8);
        if (n == 16) return mirror(X16, W16);
        return fromHipparchus(n);
    }

    /** The rule as Hipparchus computes it (for other n, and for the test of the kept rules). */
    static double[][] fromHipparchus(int n) {
        GaussIntegrator g = new GaussIntegratorFactory().legendre(n);
        double[] x = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) { x[i] = g.getPoint(i); w[i] = g.getWeight(i); }
        return new double[][] {x, w};
    }

    /** An even rule from the upper half of its nodes and weights. */
    private static double[][] mirror(double[] upperX, double[] upperW) {
        int h = upperX.length, n = 2 * h;
        double[] x = new double[n], w = new double[n];
        for (int i = 0; i < h; i++) {
            x[h + i] = upperX[i];
            x[h - 1 - i] = -upperX[i];
            w[h + i] = upperW[i];
            w[h - 1 - i] = upperW[i];
        }
        return new double[][] {x, w};
    }
}
