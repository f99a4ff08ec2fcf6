package org.diffold.core.schedule;

/**
 * Nichol &amp; Dhariwal's cosine schedule (docs/math.md §2.2; 2102.09672 Eq. 17):
 * abar(t) = f(t)/f(0), f(t) = cos^2(((t/T) + s)/(1 + s) * pi/2), beta_t = min(1 - abar(t)/abar(t-1), 0.999).
 */
public final class CosineSchedule {
    /** The paper's offset s. */
    public static final double DEFAULT_S = 0.008;
    /** The paper's cap on beta. */
    public static final double MAX_BETA = 0.999;

    private CosineSchedule() {}

    /** Cosine betas with offset s > 0. */
    public static NoiseSchedule create(int steps, double s) {
        if (steps < 2) throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("cosine offset s must be > 0, got " + s);
        double[] b = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double ratio = f(t, steps, s) / f(t - 1, steps, s);
            b[t - 1] = Math.min(1 - ratio, MAX_BETA);
        }
        return new NoiseSchedule("cosine:s=" + s, b);
    }

    private static double f(int t, int steps, double s) {
        double v = Math.cos(((double) t / steps + s) / (1 + s) * Math.PI / 2);
        return v * v;
    }
}
