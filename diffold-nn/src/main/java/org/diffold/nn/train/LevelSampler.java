package org.diffold.nn.train;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.diffold.core.schedule.NoiseSchedule;

/**
 * Draws the noise level of one DSM training example, as log abar (docs/math.md §1.1, §1.2): the discrete chain
 * with t uniform in 1..T of a schedule, or the OU process with forward time t uniform or log-uniform in
 * [tMin, tMax] (log abar = -2t).
 */
public interface LevelSampler {
    /** Valid continuous time samplings. */
    List<String> TIME_SAMPLINGS = List.of("uniform", "log-uniform");

    /** log abar of one draw. */
    double sampleLogAlphaBar(SplittableRandom rng);

    /** Printable description. */
    String describe();

    /** t uniform in 1..T of {@code schedule}. */
    static LevelSampler discrete(NoiseSchedule schedule) {
        int steps = schedule.steps();
        double[] table = new double[steps];
        for (int t = 1; t <= steps; t++) table[t - 1] = schedule.logAlphaBar(t);
        return new LevelSampler() {
            @Override public double sampleLogAlphaBar(SplittableRandom rng) { return table[rng.nextInt(steps)]; }
            @Override public String describe() { return "discrete " + schedule; }
        };
    }

    /** OU time t in [tMin, tMax], {@code sampling} = uniform or log-uniform. */
    static LevelSampler continuous(double tMin, double tMax, String sampling) {
        if (!(tMin > 0) || !(tMax > tMin) || Double.isInfinite(tMax)) {
            throw new IllegalArgumentException("continuous times must satisfy 0 < t-min < t-max < inf, got t-min=" + tMin + ", t-max=" + tMax);
        }
        String s = sampling.trim().toLowerCase(Locale.ROOT);
        boolean log;
        if (s.equals("uniform")) log = false;
        else if (s.equals("log-uniform")) log = true;
        else throw new IllegalArgumentException("unknown time sampling '" + sampling + "'; valid: " + String.join(", ", TIME_SAMPLINGS));
        double a = log ? Math.log(tMin) : tMin, b = log ? Math.log(tMax) : tMax;
        return new LevelSampler() {
            @Override public double sampleLogAlphaBar(SplittableRandom rng) {
                double u = a + (b - a) * rng.nextDouble();
                return -2 * (log ? Math.exp(u) : u);
            }
            @Override public String describe() { return "continuous OU t ~ " + s + "[" + tMin + ", " + tMax + "]"; }
        };
    }
}
