package org.diffold.core.grid;

import java.util.Arrays;
import java.util.Locale;
import org.diffold.core.process.NoiseLevel;

/**
 * A reverse-time grid 0 = t_0 &lt; t_1 &lt; ... &lt; t_K = T - delta of the OU process on [0, T] (docs/math.md §1.2, §2.3).
 *
 * <p>Stored as the forward times s_k = T - t_k (s_0 = T &gt; ... &gt; s_K = delta &gt; 0), which keeps full relative
 * precision near the data end where s_k is tiny. Step k (k = 0..K-1) goes from forward time t' = s_k to
 * t = s_{k+1}, with step size gamma_k = s_k - s_{k+1} (docs/math.md §3.2). Immutable value: equal descriptions and
 * times mean equal grids.
 */
public final class TimeGrid {
    private final String description;
    private final double[] s;

    /**
     * @param description printable spec, e.g. {@code potaptchik:kappa=0.1,L=50,M=47}
     * @param forwardTimes s_0 = T &gt; s_1 &gt; ... &gt; s_K = delta &gt; 0, at least two entries (one step)
     */
    public TimeGrid(String description, double[] forwardTimes) {
        if (forwardTimes.length < 2) {
            throw new IllegalArgumentException("a time grid needs >= 1 step (2 times), got " + forwardTimes.length + " times");
        }
        for (int k = 0; k < forwardTimes.length; k++) {
            double v = forwardTimes[k];
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("forward time s_" + k + " must be finite and > 0, got " + v);
            }
            if (k > 0 && !(v < forwardTimes[k - 1])) {
                throw new IllegalArgumentException("forward times must decrease strictly, got s_" + (k - 1) + "="
                        + forwardTimes[k - 1] + ", s_" + k + "=" + v);
            }
        }
        this.description = description;
        this.s = forwardTimes.clone();
    }

    /** Printable spec this grid was built from. */
    public String description() { return description; }

    /** Number of steps K. */
    public int steps() { return s.length - 1; }

    /** Horizon T = s_0. */
    public double horizon() { return s[0]; }

    /** Early-stopping time delta = s_K = T - t_K. */
    public double delta() { return s[s.length - 1]; }

    /** Forward time s_k = T - t_k, k in 0..K. */
    public double forwardTime(int k) { return s[check(k, s.length)]; }

    /** Reverse time t_k = T - s_k, k in 0..K. */
    public double reverseTime(int k) { return s[0] - s[check(k, s.length)]; }

    /** Step size gamma_k = t_{k+1} - t_k = s_k - s_{k+1}, k in 0..K-1. */
    public double gamma(int k) { return s[check(k, s.length - 1)] - s[k + 1]; }

    /** Forward noise level at time s_k (score level of step k; output level for k = K). */
    public NoiseLevel level(int k) { return NoiseLevel.ofOuTime(forwardTime(k)); }

    /** Output level: the forward law at time delta that the sampler output is compared with. */
    public NoiseLevel outputLevel() { return NoiseLevel.ofOuTime(delta()); }

    /** A copy of s_0..s_K. */
    public double[] forwardTimes() { return s.clone(); }

    /** One line per step: k, t_k, T - t_k, gamma_k. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6s %14s %14s %14s%n", "k", "t_k", "T-t_k", "gamma_k"));
        for (int k = 0; k < steps(); k++) {
            b.append(String.format(Locale.ROOT, "%6d %14.8g %14.8g %14.8g%n", k, reverseTime(k), s[k], gamma(k)));
        }
        b.append(String.format(Locale.ROOT, "%6d %14.8g %14.8g%n", steps(), reverseTime(steps()), delta()));
        return b.toString();
    }

    private int check(int k, int size) {
        if (k < 0 || k >= size) throw new IndexOutOfBoundsException("grid index must be in [0, " + (size - 1) + "], got " + k);
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid g && g.description.equals(description) && Arrays.equals(g.s, s);
    }

    @Override
    public int hashCode() { return 31 * description.hashCode() + Arrays.hashCode(s); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (K=%d, T=%.6g, delta=%.6g)", description, steps(), horizon(), delta());
    }
}
