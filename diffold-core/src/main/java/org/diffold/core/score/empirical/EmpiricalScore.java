package org.diffold.core.score.empirical;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;

/**
 * The exact score of the empirical law of N training points noised to a level (docs/math.md §6), optionally
 * inflated by a Gaussian kernel of bandwidth h (a KDE of the training set, then noised):
 * p(x) = (1/N) sum_i N(x; c x_i, v I), v = sigma^2 + h^2, so s(x) = (c m(x) - x) / v with m the
 * {@link PosteriorMean}. With h = 0 it is the minimiser of the DSM loss on the training set, and the exact reverse
 * process returns training points (memorization); h > 0 keeps the weights soft at small noise.
 */
public final class EmpiricalScore implements Score {
    private final TrainingPanels train;
    private final double h2;

    private EmpiricalScore(TrainingPanels train, double h) {
        if (!(h >= 0) || Double.isInfinite(h)) throw new IllegalArgumentException("bandwidth h must be >= 0 and finite, got " + h);
        this.train = train;
        this.h2 = h * h;
    }

    /** The exact empirical score (h = 0). */
    public static EmpiricalScore exact(TrainingPanels train) { return new EmpiricalScore(train, 0); }

    /** The noise-inflated (Gaussian KDE) score with bandwidth h > 0. */
    public static EmpiricalScore kde(TrainingPanels train, double h) {
        if (!(h > 0) || Double.isInfinite(h)) throw new IllegalArgumentException("bandwidth h must be > 0 and finite, got " + h);
        return new EmpiricalScore(train, h);
    }

    /** The bandwidth h (0 for the exact score). */
    public double bandwidth() { return Math.sqrt(h2); }

    @Override
    public int dim() { return train.dim(); }

    /** The posterior-mean engine's block ({@link PosteriorMean#blockRows()}). */
    @Override
    public int chunkRows() { return PosteriorMean.blockRows(train, org.diffold.core.linalg.DotKernel.best()); }

    @Override
    public Evaluator evaluator() {
        PosteriorMean engine = new PosteriorMean(train);
        int d = train.dim();
        return (level, x, out, from, to) -> {
            double c = level.c(), v = level.sigma2() + h2;
            engine.mean(c, v, x, out, from, to);
            for (int j = from * d, end = to * d; j < end; j++) out[j] = (c * out[j] - x[j]) / v;
        };
    }
}
