package org.diffold.core.schedule;

import org.diffold.core.process.NoiseLevel;

/**
 * A discrete variance-preserving noise schedule beta_1..beta_T (docs/math.md §1.1, §2).
 *
 * <p>X_t = sqrt(alpha_t) X_{t-1} + sqrt(beta_t) W_t, alpha_t = 1 - beta_t, abar_t = prod_{i<=t} alpha_i.
 * Indices are 1-based as in the papers; abar_0 = 1. All quantities are derived from log abar_t so that
 * 1 - abar_t keeps full relative precision.
 */
public final class NoiseSchedule {
    private final String description;
    private final double[] beta;       // beta[t], t = 1..T; beta[0] unused
    private final double[] logAlphaBar; // logAlphaBar[t], t = 0..T

    /**
     * @param description printable spec, e.g. {@code li-yan:c0=2,c1=4}
     * @param betas beta_1..beta_T, each in (0, 1); at least 2 entries
     */
    public NoiseSchedule(String description, double[] betas) {
        if (betas.length < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + betas.length);
        }
        this.description = description;
        this.beta = new double[betas.length + 1];
        this.logAlphaBar = new double[betas.length + 1];
        for (int t = 1; t <= betas.length; t++) {
            double b = betas[t - 1];
            if (!(b > 0 && b < 1)) {
                throw new IllegalArgumentException("beta_" + t + " must be in (0, 1), got " + b);
            }
            beta[t] = b;
            logAlphaBar[t] = logAlphaBar[t - 1] + Math.log1p(-b);
        }
    }

    /** Number of steps T. */
    public int steps() { return beta.length - 1; }

    /** beta_t, t in 1..T. */
    public double beta(int t) { return beta[check(t, 1)]; }

    /** alpha_t = 1 - beta_t, t in 1..T. */
    public double alpha(int t) { return 1 - beta[check(t, 1)]; }

    /** log abar_t, t in 0..T (log abar_0 = 0). */
    public double logAlphaBar(int t) { return logAlphaBar[check(t, 0)]; }

    /** abar_t, t in 0..T. */
    public double alphaBar(int t) { return Math.exp(logAlphaBar(t)); }

    /** 1 - abar_t = -expm1(log abar_t), t in 0..T. */
    public double oneMinusAlphaBar(int t) { return -Math.expm1(logAlphaBar(t)); }

    /** The forward noise level of index t in 1..T. */
    public NoiseLevel level(int t) { return NoiseLevel.ofLogAlphaBar(logAlphaBar(check(t, 1))); }

    /** A copy of beta_1..beta_T. */
    public double[] betas() {
        double[] out = new double[steps()];
        System.arraycopy(beta, 1, out, 0, out.length);
        return out;
    }

    /** The printable spec this schedule was built from. */
    public String description() { return description; }

    private int check(int t, int min) {
        if (t < min || t >= beta.length) {
            throw new IndexOutOfBoundsException("t must be in [" + min + ", " + steps() + "], got " + t);
        }
        return t;
    }

    @Override
    public String toString() { return description + " (T=" + steps() + ")"; }
}
