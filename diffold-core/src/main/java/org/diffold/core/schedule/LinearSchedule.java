package org.diffold.core.schedule;

/** Ho et al.'s linear schedule (docs/math.md §2.2): beta_t linear from {@code start} (t=1) to {@code end} (t=T). */
public final class LinearSchedule {
    /** Ho et al. 2006.11239 defaults. */
    public static final double DEFAULT_START = 1e-4, DEFAULT_END = 0.02;

    private LinearSchedule() {}

    /** Linear betas; requires 0 < start <= end < 1. */
    public static NoiseSchedule create(int steps, double start, double end) {
        if (steps < 2) throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        if (!(start > 0 && start <= end && end < 1)) {
            throw new IllegalArgumentException("linear schedule needs 0 < start <= end < 1, got start=" + start + ", end=" + end);
        }
        double[] b = new double[steps];
        for (int i = 0; i < steps; i++) b[i] = start + (end - start) * i / (steps - 1);
        return new NoiseSchedule("linear:start=" + start + ",end=" + end, b);
    }
}
