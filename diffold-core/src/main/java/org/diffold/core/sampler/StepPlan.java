package org.diffold.core.sampler;

import org.diffold.core.process.NoiseLevel;

/**
 * The coefficients of a sampler whose every step is Y <- a_i Y + b_i s_{level_i}(Y) + n_i Z_i (docs/math.md §3.1,
 * §3.2): the discrete DDPM designs (a = 1/sqrt(alpha_t), b = eta_t/sqrt(alpha_t), n = sigma_t/sqrt(alpha_t), noise
 * inside the factor) and the continuous-time schemes alike. Y starts from N(0, I) and the output is compared with
 * the forward law at {@link #outputLevel()}. Immutable; steps are in sampling order.
 */
public final class StepPlan {
    private final String name;
    private final double[] a, b, noise;
    private final NoiseLevel[] levels;
    private final String[] labels;
    private final NoiseLevel outputLevel;

    /**
     * @param name printable description (design and schedule)
     * @param a multiplier of Y per step
     * @param b multiplier of the score per step
     * @param noise standard deviation n_i >= 0 of the added Gaussian noise per step
     * @param levels noise level at which the score is evaluated per step
     * @param labels printable step names for errors, e.g. {@code t=988}
     * @param outputLevel forward level the output is compared with
     */
    public StepPlan(String name, double[] a, double[] b, double[] noise, NoiseLevel[] levels, String[] labels,
                    NoiseLevel outputLevel) {
        int s = a.length;
        if (s < 1 || b.length != s || noise.length != s || levels.length != s || labels.length != s) {
            throw new IllegalArgumentException("step plan arrays must be non-empty and of equal length");
        }
        for (int i = 0; i < s; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i]) || !(noise[i] >= 0) || Double.isInfinite(noise[i])) {
                throw new IllegalArgumentException("step " + i + " (" + labels[i] + ") has invalid coefficients a="
                        + a[i] + ", b=" + b[i] + ", n=" + noise[i]);
            }
        }
        this.name = name;
        this.a = a.clone();
        this.b = b.clone();
        this.noise = noise.clone();
        this.levels = levels.clone();
        this.labels = labels.clone();
        this.outputLevel = outputLevel;
    }

    /** Printable description. */
    public String name() { return name; }

    /** Number of sampler steps (score evaluations). */
    public int size() { return a.length; }

    /** a_i. */
    public double a(int i) { return a[i]; }

    /** b_i. */
    public double b(int i) { return b[i]; }

    /** n_i (standard deviation). */
    public double noise(int i) { return noise[i]; }

    /** Score level of step i. */
    public NoiseLevel level(int i) { return levels[i]; }

    /** Printable name of step i. */
    public String label(int i) { return labels[i]; }

    /** The forward level the output is compared with (X_1 for the discrete chain, X_delta in continuous time). */
    public NoiseLevel outputLevel() { return outputLevel; }
}
