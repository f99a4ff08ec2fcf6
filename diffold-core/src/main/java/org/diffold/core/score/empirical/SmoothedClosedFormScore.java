package org.diffold.core.score.empirical;

import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;

/**
 * The weight-smoothed closed-form score of Scarvelis, Borde and Solomon (arXiv 2310.12395; docs/math.md §6), in the
 * variance-preserving form: the softmax weights of the empirical score are evaluated at M perturbed queries
 * x + s eps_m and averaged, while the -x term stays unperturbed,
 * s(x) = (c (1/M) sum_m m(x + s eps_m) - x) / sigma^2, m the {@link PosteriorMean}. At small noise each weight vector
 * is one-hot, so the denoiser returns barycenters of up to M nearby training points: novel points between them.
 *
 * <p>[ours] The eps_m are standard normal vectors drawn from a SplitMix64 stream seeded by the row's bits, the noise
 * level and the score's seed, so a row's result depends on that row alone (bit-identical for any batch split and
 * thread count) while differing from step to step.
 */
public final class SmoothedClosedFormScore implements Score {
    private final TrainingPanels train;
    private final double smoothing;
    private final int draws;
    private final long seed;

    /**
     * @param smoothing s &gt; 0, the scale of the weight perturbation
     * @param draws M &gt;= 1 perturbations per evaluation
     */
    public SmoothedClosedFormScore(TrainingPanels train, double smoothing, int draws, long seed) {
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) throw new IllegalArgumentException("smoothing must be > 0 and finite, got " + smoothing);
        if (draws < 1 || draws > 1024) throw new IllegalArgumentException("draws must be in [1, 1024], got " + draws);
        this.train = train;
        this.smoothing = smoothing;
        this.draws = draws;
        this.seed = seed;
    }

    @Override
    public int dim() { return train.dim(); }

    /** The posterior-mean engine's block ({@link PosteriorMean#blockRows()}). */
    @Override
    public int chunkRows() { return PosteriorMean.blockRows(train, org.diffold.core.linalg.DotKernel.best()); }

    @Override
    public Evaluator evaluator() {
        PosteriorMean engine = new PosteriorMean(train);
        int d = train.dim(), block = engine.blockRows();
        double[] xp = new double[block * d], mean = new double[block * d], acc = new double[block * d];
        return (level, x, out, from, to) -> {
            double c = level.c(), v = level.sigma2();
            long levelBits = RandomStreams.mix64(Double.doubleToLongBits(level.logAlphaBar()) ^ seed);
            for (int b = from; b < to; b += block) {
                int rows = Math.min(block, to - b);
                java.util.Arrays.fill(acc, 0, rows * d, 0);
                for (int m = 0; m < draws; m++) {
                    for (int r = 0; r < rows; r++) perturb(x, (b + r) * d, d, levelBits + m, xp, r * d);
                    engine.mean(c, v, xp, mean, 0, rows);
                    for (int j = 0; j < rows * d; j++) acc[j] += mean[j];
                }
                double inv = 1.0 / draws;
                for (int j = 0, o = b * d; j < rows * d; j++) out[o + j] = (c * acc[j] * inv - x[o + j]) / v;
            }
        };
    }

    /** dst = x_row + s eps, eps from a SplitMix64 stream keyed by the row's bits and {@code key} (Box-Muller). */
    private void perturb(double[] x, int off, int d, long key, double[] dst, int dOff) {
        long h = key;
        for (int k = 0; k < d; k++) h = RandomStreams.mix64(h ^ Double.doubleToLongBits(x[off + k]));
        long state = h;
        for (int k = 0; k < d; k += 2) {
            state += 0x9E3779B97F4A7C15L;
            double u1 = ((RandomStreams.mix64(state) >>> 11) + 1) * 0x1.0p-53;
            state += 0x9E3779B97F4A7C15L;
            double u2 = (RandomStreams.mix64(state) >>> 11) * 0x1.0p-53;
            double r = Math.sqrt(-2 * Math.log(u1)), t = 2 * Math.PI * u2;
            dst[dOff + k] = x[off + k] + smoothing * r * Math.cos(t);
            if (k + 1 < d) dst[dOff + k + 1] = x[off + k + 1] + smoothing * r * Math.sin(t);
        }
    }
}
