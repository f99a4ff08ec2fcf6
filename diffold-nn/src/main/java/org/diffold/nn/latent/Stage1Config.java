package org.diffold.nn.latent;

import java.util.Map;
import java.util.TreeMap;
import org.diffold.nn.train.LrSchedule;

/**
 * Optimiser settings of stage 1 (defaults ours): steps, batch, Adam (beta 0.9 / 0.999, eps 1e-8) with a
 * learning-rate schedule, global gradient-norm clipping, the seed of data order and noise, checkpoint interval.
 *
 * @param steps optimiser steps
 * @param batchSize rows per step
 * @param lr learning-rate schedule
 * @param clipNorm gradient-norm clip (0 = off)
 * @param seed master seed
 * @param checkpointEvery steps between checkpoints (0 = end only)
 */
public record Stage1Config(int steps, int batchSize, LrSchedule lr, double clipNorm, long seed, int checkpointEvery) {
    /** Validates the ranges. */
    public Stage1Config {
        if (steps < 1) throw new IllegalArgumentException("stage-1 steps must be >= 1, got " + steps);
        if (batchSize < 1) throw new IllegalArgumentException("stage-1 batch size must be >= 1, got " + batchSize);
        if (lr == null) throw new IllegalArgumentException("learning-rate schedule must not be null");
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) throw new IllegalArgumentException("clip norm must be >= 0, got " + clipNorm);
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint-every must be >= 0, got " + checkpointEvery);
    }

    /** Defaults for {@code steps}: batch 64, Adam 2e-3 cosine with 50 warm-up steps, clip 1 [ours]. */
    public static Stage1Config defaults(int steps, long seed) {
        return new Stage1Config(steps, 64, new LrSchedule("cosine", 2e-3, Math.min(50, steps / 10), 0.05), 1.0, seed, 0);
    }

    /** A copy with another step count (a resumed run may be extended). */
    public Stage1Config withSteps(int s) { return new Stage1Config(s, batchSize, lr, clipNorm, seed, checkpointEvery); }

    /** Flat map (keys prefixed {@code stage1.}). */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("stage1.steps", Integer.toString(steps));
        m.put("stage1.batchSize", Integer.toString(batchSize));
        m.put("stage1.lr.kind", lr.kind());
        m.put("stage1.lr.peak", Double.toString(lr.peak()));
        m.put("stage1.lr.warmup", Integer.toString(lr.warmup()));
        m.put("stage1.lr.minFraction", Double.toString(lr.minFraction()));
        m.put("stage1.clipNorm", Double.toString(clipNorm));
        m.put("stage1.seed", Long.toString(seed));
        m.put("stage1.checkpointEvery", Integer.toString(checkpointEvery));
        return m;
    }

    /** Inverse of {@link #toMap()}. */
    public static Stage1Config fromMap(Map<String, String> m) {
        return new Stage1Config(Integer.parseInt(get(m, "stage1.steps")), Integer.parseInt(get(m, "stage1.batchSize")),
                new LrSchedule(get(m, "stage1.lr.kind"), Double.parseDouble(get(m, "stage1.lr.peak")),
                        Integer.parseInt(get(m, "stage1.lr.warmup")), Double.parseDouble(get(m, "stage1.lr.minFraction"))),
                Double.parseDouble(get(m, "stage1.clipNorm")), Long.parseLong(get(m, "stage1.seed")),
                Integer.parseInt(get(m, "stage1.checkpointEvery")));
    }

    private static String get(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) throw new IllegalArgumentException("stage-1 config is missing '" + k + "'");
        return v;
    }
}
