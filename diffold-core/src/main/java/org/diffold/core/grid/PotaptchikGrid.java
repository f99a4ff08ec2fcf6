package org.diffold.core.grid;

import java.util.Locale;

/**
 * The grid of Definition 9 of Potaptchik, Azangulov &amp; Deligiannidis (2410.09046, after Benton et al.
 * 2308.03686), docs/math.md §2.3: kappa in (0, 1/4), L uniform steps, M = K - L geometric steps, horizon
 * T = kappa L + 1, reverse times t_k = k kappa (k = 0..L, reaching T - 1) then t_{L+m} = T - (1 + kappa)^{-m}
 * (m = 1..M), ending at T - delta with delta = (1 + kappa)^{-M}. Every step obeys
 * gamma_k = kappa min{1, T - t_{k+1}} exactly.
 */
public final class PotaptchikGrid {
    /** Largest allowed kappa (exclusive), Definition 9. */
    public static final double KAPPA_MAX = 0.25;
    private final double kappa;
    private final int uniformSteps;
    private final int geometricSteps;

    private PotaptchikGrid(double kappa, int uniformSteps, int geometricSteps) {
        checkKappa(kappa);
        if (uniformSteps < 0) throw new IllegalArgumentException("L (uniform steps) must be >= 0, got " + uniformSteps);
        if (geometricSteps < 1) throw new IllegalArgumentException("M (geometric steps) must be >= 1, got " + geometricSteps);
        this.kappa = kappa;
        this.uniformSteps = uniformSteps;
        this.geometricSteps = geometricSteps;
    }

    /** The grid with step parameter kappa in (0, 1/4), L &gt;= 0 uniform and M &gt;= 1 geometric steps. */
    public static PotaptchikGrid of(double kappa, int uniformSteps, int geometricSteps) {
        return new PotaptchikGrid(kappa, uniformSteps, geometricSteps);
    }

    /** The grid with K steps in all, L of them uniform (needs K &gt;= L + 1). */
    public static PotaptchikGrid ofSteps(double kappa, int steps, int uniformSteps) {
        if (uniformSteps < 0) throw new IllegalArgumentException("L (uniform steps) must be >= 0, got " + uniformSteps);
        if (steps < uniformSteps + 1) {
            throw new IllegalArgumentException("K must be >= L + 1 (at least one geometric step), got K=" + steps + ", L=" + uniformSteps);
        }
        return new PotaptchikGrid(kappa, uniformSteps, steps - uniformSteps);
    }

    /**
     * The smallest grid with horizon at least T and early stopping at most delta:
     * L = ceil((T - 1) / kappa), M = ceil(ln(1/delta) / ln(1 + kappa)) (docs/math.md §2.3, ours).
     */
    public static PotaptchikGrid forHorizon(double kappa, double horizon, double delta) {
        checkKappa(kappa);
        if (!(horizon >= 1) || Double.isInfinite(horizon)) throw new IllegalArgumentException("T must be finite and >= 1, got " + horizon);
        checkDelta(delta);
        return new PotaptchikGrid(kappa, ceil((horizon - 1) / kappa), geometricStepsFor(kappa, delta));
    }

    /**
     * The recipe of docs/math.md §2.3 (ours): from ambient dimension D, accuracy eps, early stopping delta and kappa,
     * L = ceil((0.5 ln(D / eps^2) - 1) / kappa) so that D e^{-2T} &lt;= eps^2 (L = 0 when that is negative), and
     * M = ceil(ln(1/delta) / ln(1 + kappa)).
     */
    public static PotaptchikGrid recipe(int dim, double eps, double delta, double kappa) {
        if (dim < 1) throw new IllegalArgumentException("dim (D) must be >= 1, got " + dim);
        if (!(eps > 0) || Double.isInfinite(eps)) throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        checkKappa(kappa);
        checkDelta(delta);
        double horizon = 0.5 * Math.log(dim / (eps * eps));
        int l = horizon <= 1 ? 0 : ceil((horizon - 1) / kappa);
        return new PotaptchikGrid(kappa, l, geometricStepsFor(kappa, delta));
    }

    /** M = ceil(ln(1/delta) / ln(1 + kappa)): geometric steps needed to reach delta. */
    public static int geometricStepsFor(double kappa, double delta) {
        checkKappa(kappa);
        checkDelta(delta);
        return Math.max(1, ceil(-Math.log(delta) / Math.log1p(kappa)));
    }

    /** One-line check: kappa in (0, 1/4). */
    public static void checkKappa(double kappa) {
        if (!(kappa > 0 && kappa < KAPPA_MAX)) throw new IllegalArgumentException("kappa must be in (0, 0.25), got " + kappa);
    }

    /** One-line check: delta in (0, 1). */
    public static void checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }

    /** ceil with a 1e-9 tolerance, so that exact multiples computed in floating point do not gain a step. */
    private static int ceil(double v) {
        double c = Math.ceil(v - 1e-9);
        if (c > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("grid would need " + c + " steps; too many");
        return (int) Math.max(0, c);
    }

    /** kappa. */
    public double kappa() { return kappa; }

    /** L, the number of uniform steps. */
    public int uniformSteps() { return uniformSteps; }

    /** M = K - L, the number of geometric steps. */
    public int geometricSteps() { return geometricSteps; }

    /** K = L + M. */
    public int steps() { return uniformSteps + geometricSteps; }

    /** T = kappa L + 1. */
    public double horizon() { return kappa * uniformSteps + 1; }

    /** delta = (1 + kappa)^{-M}. */
    public double delta() { return Math.exp(-geometricSteps * Math.log1p(kappa)); }

    /** The time grid: s_k = T - t_k = kappa (L - k) + 1 for k &lt;= L, then (1 + kappa)^{-m}. */
    public TimeGrid grid() {
        int l = uniformSteps, k = steps();
        double[] s = new double[k + 1];
        for (int i = 0; i <= l; i++) s[i] = kappa * (l - i) + 1;
        double lg = Math.log1p(kappa);
        for (int m = 1; m <= geometricSteps; m++) s[l + m] = Math.exp(-m * lg);
        return new TimeGrid(spec(), s);
    }

    /** The printable spec {@code potaptchik:kappa=..,L=..,M=..}, parsed back by {@link TimeGrids#parse}. */
    public String spec() {
        return String.format(Locale.ROOT, "potaptchik:kappa=%s,L=%d,M=%d", kappa, uniformSteps, geometricSteps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PotaptchikGrid g && g.kappa == kappa && g.uniformSteps == uniformSteps && g.geometricSteps == geometricSteps;
    }

    @Override
    public int hashCode() { return Double.hashCode(kappa) * 31 * 31 + uniformSteps * 31 + geometricSteps; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (K=%d, T=%.6g, delta=%.6g)", spec(), steps(), horizon(), delta());
    }
}
