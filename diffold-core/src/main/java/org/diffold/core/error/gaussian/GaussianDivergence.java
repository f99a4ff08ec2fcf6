package org.diffold.core.error.gaussian;

/**
 * Divergences between centred Gaussians N(0, s) (target) and N(0, v) (sampler) as functions of r = v / s - 1,
 * written to keep their relative digits when r is tiny (docs/math.md §4.1, §4.2).
 */
public final class GaussianDivergence {
    private GaussianDivergence() {}

    /**
     * Per-coordinate KL(N(0, s) || N(0, v)) = 0.5 [log(1 + r) - r / (1 + r)] (docs/math.md §4.1), evaluated as
     * 0.5 phi(u) with u = r / (1 + r) and phi(u) = -log(1 - u) - u = sum_{j>=2} u^j / j (series for small |u|),
     * so that KL ≈ r^2 / 4 keeps its digits at r = 1e-13.
     */
    public static double kl(double r) {
        checkR(r);
        double u = r / (1 + r);
        if (Math.abs(u) < 0.05) {
            double term = u * u, sum = 0;
            for (int j = 2; j < 40; j++) {
                double add = term / j;
                sum += add;
                if (Math.abs(add) <= 1e-18 * Math.abs(sum)) break;
                term *= u;
            }
            return 0.5 * sum;
        }
        return 0.5 * (-Math.log1p(-u) - u);
    }

    /**
     * Per-coordinate log Bhattacharyya affinity log ∫ sqrt(p q) = 0.25 log(1 - (r / (2 + r))^2) [derived from
     * BC = sqrt(2 sqrt(s v) / (s + v))].
     */
    public static double logAffinity(double r) {
        checkR(r);
        double w = r / (2 + r);
        return 0.25 * Math.log1p(-w * w);
    }

    /** Squared Hellinger distance H^2 = 1 - BC of one coordinate (≈ r^2 / 16 for small r). */
    public static double hellingerSquared(double r) {
        return -Math.expm1(logAffinity(r));
    }

    /**
     * TV between N(0, s I_m) and N(0, s (1 + r) I_m), the chi-square closed form of docs/math.md §4.2: with
     * q = 1 + r (inverted if below 1), TV = F_m(m q ln q / (q - 1)) - F_m(m ln q / (q - 1)).
     */
    public static double tvIsotropic(int m, double r) {
        checkR(r);
        if (m < 1) throw new IllegalArgumentException("block dimension m must be >= 1, got " + m);
        double rho = r >= 0 ? r : -r / (1 + r); // q - 1 >= 0 after swapping the two laws
        if (rho == 0) return 0;
        double x1 = m * (Math.log1p(rho) / rho); // x2 = (1 + rho) x1
        return ChiSquare.probabilityInterval(m, x1, rho * x1);
    }

    private static void checkR(double r) {
        if (!(r > -1) || Double.isInfinite(r)) throw new IllegalArgumentException("r = v/s - 1 must be finite and > -1, got " + r);
    }
}
