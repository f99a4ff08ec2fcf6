package org.diffold.core.error.gaussian;

/**
 * Exact TV between two centred Gaussians that are isotropic on two orthogonal blocks (docs/math.md §4.2):
 * target N(0, s1 I_k) ⊗ N(0, s2 I_m), sampler N(0, s1 (1 + r1) I_k) ⊗ N(0, s2 (1 + r2) I_m).
 *
 * <p>With X = R1 / s1 ~ chi^2_k and Y = R2 / s2 ~ chi^2_m under the target, the log-likelihood ratio is
 * 0.5 [c - u1 X - u2 Y], u_i = r_i / (1 + r_i), c = k log(1 + r1) + m log(1 + r2); under the sampler u_i X
 * becomes r_i X' [derived]. Hence TV = P(u1 X + u2 Y < c) - P(r1 X + r2 Y < c), each a 1-D integral of one
 * chi-square density against the other's CDF. The outer variable is the block whose term has the smaller spread,
 * so the inner CDF varies slowly. Absolute accuracy about 1e-13 (each probability to 1e-13 relative);
 * single-block cases use the closed form.
 */
public final class GaussianBlocksTv {
    private GaussianBlocksTv() {}

    /** TV for blocks of dimension k >= 1 and m >= 0 with relative variance errors r1, r2 > -1. */
    public static double tv(int k, double r1, int m, double r2) {
        if (k < 1) throw new IllegalArgumentException("block dimension k must be >= 1, got " + k);
        if (m < 0) throw new IllegalArgumentException("block dimension m must be >= 0, got " + m);
        if (m == 0 || r2 == 0) return GaussianDivergence.tvIsotropic(k, r1);
        if (r1 == 0) return GaussianDivergence.tvIsotropic(m, r2);
        double u1 = r1 / (1 + r1), u2 = r2 / (1 + r2);
        double c = k * Math.log1p(r1) + m * Math.log1p(r2);
        double tv = probabilityBelow(u1, k, u2, m, c) - probabilityBelow(r1, k, r2, m, c);
        return Math.min(1, Math.max(0, tv));
    }

    /** P(alpha X + beta Y < c) for independent X ~ chi^2_k, Y ~ chi^2_m (k, m >= 1, alpha, beta != 0). */
    static double probabilityBelow(double alpha, int k, double beta, int m, double c) {
        // outer = the block with the smaller spread |coefficient| sqrt(2 dof)
        boolean outerIsY = Math.abs(beta) * Math.sqrt(m) <= Math.abs(alpha) * Math.sqrt(k);
        double aOut = outerIsY ? beta : alpha, aIn = outerIsY ? alpha : beta;
        int nuOut = outerIsY ? m : k, nuIn = outerIsY ? k : m;
        double logNorm = -0.5 * nuOut * Math.log(2) - org.hipparchus.special.Gamma.logGamma(0.5 * nuOut);
        double h = 0.5 * nuOut - 1;
        // substitute y = t^2 (smooth at 0 for every dof); t covers sqrt(nu) +- 10, far beyond 1e-20 tail mass
        double root = Math.sqrt(nuOut);
        double tLo = Math.max(0, root - 10), tHi = root + 10;
        return AdaptiveQuadrature.integrate(t -> {
            double y = t * t;
            if (y <= 0) return 0;
            double density = Math.exp(h * Math.log(y) - 0.5 * y + logNorm) * 2 * t;
            return density * below(aIn, nuIn, c - aOut * y);
        }, tLo, tHi, 12, 1e-14, 1e-13);
    }

    /** P(a X < c) for X ~ chi^2_nu, a != 0. */
    private static double below(double a, int nu, double c) {
        double x = c / a;
        if (a > 0) return ChiSquare.cdf(nu, x);
        return ChiSquare.survival(nu, x);
    }
}
