package org.diffold.core.sampler;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;

/** Row operations every sampler shares: the final Tweedie denoising step and locating a non-finite row. */
final class SamplerRows {
    private SamplerRows() {}

    /**
     * Replaces y[0..len) by the Tweedie denoiser m(y) = (y + sigma^2 s(y)) / c at {@code level}
     * (docs/math.md §3.2); {@code s} is scratch of the same length.
     */
    static void denoise(Score.Evaluator eval, NoiseLevel level, double[] y, double[] s, int rows, int len) {
        eval.score(level, y, s, 0, rows);
        double s2 = level.sigma2(), invC = 1 / level.c();
        for (int j = 0; j < len; j++) y[j] = (y[j] + s2 * s[j]) * invC;
    }

    /** Global index of the first row of y (rows x d) holding a NaN or infinity, counted from {@code firstSample}. */
    static long firstNonFinite(double[] y, int rows, int d, long firstSample) {
        for (int r = 0; r < rows; r++) {
            for (int j = r * d; j < (r + 1) * d; j++) {
                if (!Double.isFinite(y[j])) return firstSample + r;
            }
        }
        return firstSample;
    }
}
