package org.diffold.core.score;

import org.diffold.core.grid.TimeGrid;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.Target;

/**
 * Measures eps_score^2 of any approximate score against the exact one by Monte Carlo over the forward law
 * X_{t'} = c X_0 + sigma Z of a {@link Target} at every step's forward time (docs/math.md §4.4): Li–Yan's average
 * and Potaptchik's step-weighted form, with standard errors. Deterministic for a given seed.
 */
public final class ScoreErrorMeter {
    private static final int BATCH = 256;

    private ScoreErrorMeter() {}

    /** Both forms on the grid, with {@code n} samples of X_{t'_k} per step (independent across steps). */
    public static ScoreError measure(Score approx, Score exact, Target target, TimeGrid grid, int n, RandomStreams streams) {
        int steps = grid.steps();
        NoiseLevel[] levels = new NoiseLevel[steps];
        double[] gamma = new double[steps];
        for (int k = 0; k < steps; k++) {
            levels[k] = grid.level(k);
            gamma[k] = grid.gamma(k);
        }
        double[] mean = new double[steps], var = new double[steps];
        perLevel(approx, exact, target, levels, n, streams, mean, var);
        return ScoreError.of(gamma, mean, var, n);
    }

    /**
     * Writes the mean and the variance of ||s(X) - s*(X)||^2 over {@code n} draws of X at each level.
     * Level i uses the streams {@code streams.child("score-error-" + i)}.
     */
    public static void perLevel(Score approx, Score exact, Target target, NoiseLevel[] levels, int n, RandomStreams streams,
                                double[] mean, double[] variance) {
        int d = target.dim();
        if (approx.dim() != d || exact.dim() != d) {
            throw new IllegalArgumentException("score dimensions " + approx.dim() + " and " + exact.dim() + " must equal the target's D = " + d);
        }
        if (n < 2) throw new IllegalArgumentException("n must be >= 2 to estimate a standard error, got " + n);
        int rows = Math.min(BATCH, n);
        double[] x = new double[rows * d], s = new double[rows * d], e = new double[rows * d];
        Score.Evaluator ea = approx.evaluator(), ee = exact.evaluator();
        for (int i = 0; i < levels.length; i++) {
            RandomStreams st = streams.child("score-error-" + i);
            double sum = 0, sum2 = 0;
            for (int from = 0; from < n; from += rows) {
                int m = Math.min(rows, n - from);
                target.sampleNoised(levels[i], st, from, m, x);
                ea.score(levels[i], x, s, 0, m);
                ee.score(levels[i], x, e, 0, m);
                for (int r = 0; r < m; r++) {
                    double q = 0;
                    for (int j = r * d, end = j + d; j < end; j++) {
                        double diff = s[j] - e[j];
                        q += diff * diff;
                    }
                    sum += q;
                    sum2 += q * q;
                }
            }
            mean[i] = sum / n;
            variance[i] = Math.max(0, (sum2 - sum * sum / n) / (n - 1));
        }
    }
}
