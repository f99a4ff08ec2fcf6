package org.diffold.nn.train;

import java.util.List;
import java.util.Locale;

/**
 * Learning rate at step s (0-based) of S: linear warm-up over {@code warmup} steps, then {@code constant},
 * {@code cosine} decay to {@code minFraction} x the peak (Loshchilov &amp; Hutter 2017), or {@code linear} decay.
 *
 * @param kind constant, cosine or linear
 * @param peak peak learning rate (> 0)
 * @param warmup warm-up steps (>= 0)
 * @param minFraction final rate as a fraction of the peak, in [0, 1]
 */
public record LrSchedule(String kind, double peak, int warmup, double minFraction) {
    /** Valid kinds. */
    public static final List<String> KINDS = List.of("constant", "cosine", "linear");

    /** Validates the ranges. */
    public LrSchedule {
        kind = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown learning-rate schedule '" + kind + "'; valid: " + String.join(", ", KINDS));
        if (!(peak > 0) || Double.isInfinite(peak)) throw new IllegalArgumentException("learning rate must be > 0, got " + peak);
        if (warmup < 0) throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        if (!(minFraction >= 0 && minFraction <= 1)) throw new IllegalArgumentException("min-lr fraction must be in [0, 1], got " + minFraction);
    }

    /** The rate at step {@code step} of {@code total}. */
    public double at(int step, int total) {
        if (step < warmup) return peak * (step + 1) / (warmup + 1);
        if (kind.equals("constant")) return peak;
        double span = Math.max(1, total - warmup - 1);
        double u = Math.min(1, (step - warmup) / span);
        double shape = kind.equals("cosine") ? 0.5 * (1 + Math.cos(Math.PI * u)) : 1 - u;
        return peak * (minFraction + (1 - minFraction) * shape);
    }
}
