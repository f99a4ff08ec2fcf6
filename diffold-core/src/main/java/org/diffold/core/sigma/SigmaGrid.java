package org.diffold.core.sigma;

import java.util.Arrays;
import java.util.Locale;

/**
 * A descending list of noise levels sigma_0 &gt;= sigma_1 &gt;= ... &gt;= sigma_N &gt;= 0 in the variance-exploding view
 * x = x_0 + sigma z (docs/math.md §3.3). A sampler steps from sigma_i to sigma_{i+1}; its output is compared with the
 * forward law at the last entry, which is 0 (k-diffusion's appended zero: the data itself) or a positive sigma_min
 * (the early-stopped law). Equal neighbours are allowed, as the libraries allow them, because a repeated last sigma is
 * a documented pitfall (the final step becomes a no-op); {@link #hasRepeats()} reports it. Immutable value.
 */
public final class SigmaGrid {
    private final String description;
    private final double[] sigma;

    /**
     * @param description printable spec, e.g. {@code karras:rho=7,sigma_min=0.002,sigma_max=80,n=20,final=zero}
     * @param sigmas at least two non-increasing finite values, all positive except possibly the last (0)
     */
    public SigmaGrid(String description, double[] sigmas) {
        if (sigmas.length < 2) throw new IllegalArgumentException("a sigma grid needs >= 2 noise levels (one step), got " + sigmas.length);
        for (int i = 0; i < sigmas.length; i++) {
            double s = sigmas[i];
            boolean last = i == sigmas.length - 1;
            if (!(last ? s >= 0 : s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("sigma_" + i + " must be finite and " + (last ? ">= 0" : "> 0") + ", got " + s);
            }
            if (i > 0 && s > sigmas[i - 1]) {
                throw new IllegalArgumentException("sigmas must not increase, got sigma_" + (i - 1) + "=" + sigmas[i - 1] + " < sigma_" + i + "=" + s);
            }
        }
        this.description = description;
        this.sigma = sigmas.clone();
    }

    /** Printable spec. */
    public String description() { return description; }

    /** Number of steps N (entries minus one). */
    public int steps() { return sigma.length - 1; }

    /** sigma_i, i in 0..N. */
    public double sigma(int i) { return sigma[i]; }

    /** sigma_0, the starting level. */
    public double sigmaMax() { return sigma[0]; }

    /** The last entry: the level the output is compared with (0 = data). */
    public double outputSigma() { return sigma[sigma.length - 1]; }

    /** The smallest positive entry. */
    public double sigmaMin() {
        double m = sigma[0];
        for (double s : sigma) if (s > 0) m = Math.min(m, s);
        return m;
    }

    /** Whether two neighbours are equal (a step of size 0, which solvers treat as a no-op). */
    public boolean hasRepeats() {
        for (int i = 1; i < sigma.length; i++) if (sigma[i] == sigma[i - 1]) return true;
        return false;
    }

    /** A copy of the values. */
    public double[] sigmas() { return sigma.clone(); }

    /** The same levels with a 0 appended (k-diffusion's {@code append_zero}); unchanged if the last entry is 0. */
    public SigmaGrid appendZero() {
        if (outputSigma() == 0) return this;
        double[] s = Arrays.copyOf(sigma, sigma.length + 1);
        return new SigmaGrid(description + "+zero", s);
    }

    /** Variance-preserving log abar of a level: abar = 1 / (1 + sigma^2) (docs/math.md §3.3). */
    public static double logAlphaBar(double sigma) { return -Math.log1p(sigma * sigma); }

    /** sigma = sqrt((1 - abar) / abar) from log abar, cancellation-free. */
    public static double sigmaOfLogAlphaBar(double logAlphaBar) { return Math.sqrt(Math.expm1(-logAlphaBar)); }

    @Override
    public boolean equals(Object o) { return o instanceof SigmaGrid g && g.description.equals(description) && Arrays.equals(g.sigma, sigma); }

    @Override
    public int hashCode() { return 31 * description.hashCode() + Arrays.hashCode(sigma); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (N=%d, sigma %.4g -> %.4g)", description, steps(), sigmaMax(), outputSigma());
    }
}
