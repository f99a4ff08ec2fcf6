package org.diffold.nn.train;

import java.util.Map;
import java.util.TreeMap;
import org.diffold.core.schedule.Schedules;

/**
 * Everything that determines a DSM training run besides the data and the network (defaults are ours).
 * Round-trips through {@link #toMap()} / {@link #fromMap(Map)} so a checkpoint can check that a resumed run
 * uses the same settings.
 *
 * @param steps total optimiser steps
 * @param batchSize examples per step
 * @param lr learning-rate schedule
 * @param clipNorm global gradient-norm clip (0 = off)
 * @param beta1 Adam beta1 (Kingma &amp; Ba 2015)
 * @param beta2 Adam beta2
 * @param adamEps Adam epsilon
 * @param emaDecay EMA decay of the weights (0 = off; then the raw weights are used for evaluation)
 * @param validationFraction fraction of the data held out, in [0, 0.5]
 * @param evalEvery steps between validation evaluations (0 = only at the end)
 * @param evalLevels noise levels in the eps_score^2 estimate
 * @param evalSamples samples per level in the eps_score^2 estimate
 * @param checkpointEvery steps between checkpoints (0 = only at the end)
 * @param seed master seed of data order, noise levels and noise
 * @param process {@code discrete} (schedule indices) or {@code continuous} (OU times)
 * @param schedule schedule spec of the discrete process (see {@link Schedules})
 * @param scheduleSteps T of the discrete schedule
 * @param tMin smallest OU time of the continuous process
 * @param tMax largest OU time of the continuous process
 * @param timeSampling uniform or log-uniform OU times
 * @param weighting loss weighting
 */
public record TrainConfig(int steps, int batchSize, LrSchedule lr, double clipNorm, double beta1, double beta2,
                          double adamEps, double emaDecay, double validationFraction, int evalEvery, int evalLevels,
                          int evalSamples, int checkpointEvery, long seed, String process, String schedule,
                          int scheduleSteps, double tMin, double tMax, String timeSampling, LossWeighting weighting) {

    /** Validates every field with a one-line message. */
    public TrainConfig {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) throw new IllegalArgumentException("clip norm must be >= 0 (0 = off), got " + clipNorm);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(adamEps > 0)) throw new IllegalArgumentException("Adam epsilon must be > 0, got " + adamEps);
        if (!(emaDecay >= 0 && emaDecay < 1)) throw new IllegalArgumentException("EMA decay must be in [0, 1) (0 = off), got " + emaDecay);
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.5], got " + validationFraction);
        }
        if (evalEvery < 0) throw new IllegalArgumentException("eval-every must be >= 0, got " + evalEvery);
        if (evalLevels < 1) throw new IllegalArgumentException("eval levels must be >= 1, got " + evalLevels);
        if (evalSamples < 1) throw new IllegalArgumentException("eval samples must be >= 1, got " + evalSamples);
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint-every must be >= 0, got " + checkpointEvery);
        if (!process.equals("discrete") && !process.equals("continuous")) {
            throw new IllegalArgumentException("unknown process '" + process + "'; valid: discrete, continuous");
        }
        if (weighting == null || lr == null) throw new IllegalArgumentException("weighting and lr must not be null");
        levelSampler(schedule, scheduleSteps, process, tMin, tMax, timeSampling); // validates the process settings
    }

    /** Defaults: 20000 steps, batch 256, Adam 1e-3 cosine with 200 warm-up steps, clip 1, EMA 0.999, li-yan T = 1000. */
    public static TrainConfig defaults() {
        return new TrainConfig(20000, 256, new LrSchedule("cosine", 1e-3, 200, 0.05), 1.0, 0.9, 0.999, 1e-8, 0.999,
                0.1, 1000, 20, 256, 1000, 0, "discrete", "li-yan", 1000, 1e-5, 6.0, "log-uniform", LossWeighting.SIGMA2);
    }

    /** The level sampler of this configuration. */
    public LevelSampler levelSampler() {
        return levelSampler(schedule, scheduleSteps, process, tMin, tMax, timeSampling);
    }

    private static LevelSampler levelSampler(String schedule, int scheduleSteps, String process, double tMin, double tMax,
                                             String timeSampling) {
        return process.equals("discrete") ? LevelSampler.discrete(Schedules.parse(schedule, scheduleSteps))
                : LevelSampler.continuous(tMin, tMax, timeSampling);
    }

    /** A copy with another step count (a resumed run may be extended). */
    public TrainConfig withSteps(int s) {
        return new TrainConfig(s, batchSize, lr, clipNorm, beta1, beta2, adamEps, emaDecay, validationFraction, evalEvery,
                evalLevels, evalSamples, checkpointEvery, seed, process, schedule, scheduleSteps, tMin, tMax, timeSampling, weighting);
    }

    /** A copy with other evaluation and checkpoint intervals. */
    public TrainConfig withIntervals(int evalEvery, int checkpointEvery) {
        return new TrainConfig(steps, batchSize, lr, clipNorm, beta1, beta2, adamEps, emaDecay, validationFraction, evalEvery,
                evalLevels, evalSamples, checkpointEvery, seed, process, schedule, scheduleSteps, tMin, tMax, timeSampling, weighting);
    }

    /** A copy with another seed. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(steps, batchSize, lr, clipNorm, beta1, beta2, adamEps, emaDecay, validationFraction, evalEvery,
                evalLevels, evalSamples, checkpointEvery, s, process, schedule, scheduleSteps, tMin, tMax, timeSampling, weighting);
    }

    /** A copy with other batch size and learning-rate schedule. */
    public TrainConfig withOptimiser(int batch, LrSchedule schedule, double clip, double ema) {
        return new TrainConfig(steps, batch, schedule, clip, beta1, beta2, adamEps, ema, validationFraction, evalEvery,
                evalLevels, evalSamples, checkpointEvery, seed, process, this.schedule, scheduleSteps, tMin, tMax, timeSampling, weighting);
    }

    /** A copy with another forward process and noise-level sampling. */
    public TrainConfig withProcess(String proc, String sched, int schedSteps, double tMinV, double tMaxV, String sampling,
                                   LossWeighting w) {
        return new TrainConfig(steps, batchSize, lr, clipNorm, beta1, beta2, adamEps, emaDecay, validationFraction, evalEvery,
                evalLevels, evalSamples, checkpointEvery, seed, proc, sched, schedSteps, tMinV, tMaxV, sampling, w);
    }

    /** A copy with other validation settings. */
    public TrainConfig withValidation(double fraction, int levels, int samples) {
        return new TrainConfig(steps, batchSize, lr, clipNorm, beta1, beta2, adamEps, emaDecay, fraction, evalEvery,
                levels, samples, checkpointEvery, seed, process, schedule, scheduleSteps, tMin, tMax, timeSampling, weighting);
    }

    /** Flat string map (keys prefixed {@code train.}). */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("train.steps", Integer.toString(steps));
        m.put("train.batchSize", Integer.toString(batchSize));
        m.put("train.lr.kind", lr.kind());
        m.put("train.lr.peak", Double.toString(lr.peak()));
        m.put("train.lr.warmup", Integer.toString(lr.warmup()));
        m.put("train.lr.minFraction", Double.toString(lr.minFraction()));
        m.put("train.clipNorm", Double.toString(clipNorm));
        m.put("train.beta1", Double.toString(beta1));
        m.put("train.beta2", Double.toString(beta2));
        m.put("train.adamEps", Double.toString(adamEps));
        m.put("train.emaDecay", Double.toString(emaDecay));
        m.put("train.validationFraction", Double.toString(validationFraction));
        m.put("train.evalEvery", Integer.toString(evalEvery));
        m.put("train.evalLevels", Integer.toString(evalLevels));
        m.put("train.evalSamples", Integer.toString(evalSamples));
        m.put("train.checkpointEvery", Integer.toString(checkpointEvery));
        m.put("train.seed", Long.toString(seed));
        m.put("train.process", process);
        m.put("train.schedule", schedule);
        m.put("train.scheduleSteps", Integer.toString(scheduleSteps));
        m.put("train.tMin", Double.toString(tMin));
        m.put("train.tMax", Double.toString(tMax));
        m.put("train.timeSampling", timeSampling);
        m.put("train.weighting", weighting.cliName());
        return m;
    }

    /** Inverse of {@link #toMap()}. */
    public static TrainConfig fromMap(Map<String, String> m) {
        return new TrainConfig(i(m, "train.steps"), i(m, "train.batchSize"),
                new LrSchedule(s(m, "train.lr.kind"), d(m, "train.lr.peak"), i(m, "train.lr.warmup"), d(m, "train.lr.minFraction")),
                d(m, "train.clipNorm"), d(m, "train.beta1"), d(m, "train.beta2"), d(m, "train.adamEps"), d(m, "train.emaDecay"),
                d(m, "train.validationFraction"), i(m, "train.evalEvery"), i(m, "train.evalLevels"), i(m, "train.evalSamples"),
                i(m, "train.checkpointEvery"), Long.parseLong(s(m, "train.seed")), s(m, "train.process"), s(m, "train.schedule"),
                i(m, "train.scheduleSteps"), d(m, "train.tMin"), d(m, "train.tMax"), s(m, "train.timeSampling"),
                LossWeighting.parse(s(m, "train.weighting")));
    }

    private static String s(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) throw new IllegalArgumentException("training config is missing '" + k + "'");
        return v;
    }

    private static int i(Map<String, String> m, String k) { return Integer.parseInt(s(m, k)); }

    private static double d(Map<String, String> m, String k) { return Double.parseDouble(s(m, k)); }
}
