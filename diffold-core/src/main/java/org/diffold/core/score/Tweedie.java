package org.diffold.core.score;

import org.diffold.core.process.NoiseLevel;

/**
 * Conversions between score, denoiser and noise prediction at one noise level (Tweedie; docs/math.md §1.1):
 * s(x) = (c m(x) - x) / sigma^2, m(x) = (x + sigma^2 s(x)) / c, eps(x) = -sigma s(x).
 * This is the one place these conversions live.
 */
public final class Tweedie {
    private Tweedie() {}

    /** Denoiser m(x) = (x + sigma^2 s) / c for one coordinate. */
    public static double denoiser(NoiseLevel level, double x, double s) {
        return (x + level.sigma2() * s) / level.c();
    }

    /** Score from denoiser: s = (c m - x) / sigma^2. */
    public static double scoreFromDenoiser(NoiseLevel level, double x, double m) {
        return (level.c() * m - x) / level.sigma2();
    }

    /** Noise prediction eps = -sigma s. */
    public static double epsFromScore(NoiseLevel level, double s) {
        return -Math.sqrt(level.sigma2()) * s;
    }

    /** Score from noise prediction: s = -eps / sigma. */
    public static double scoreFromEps(NoiseLevel level, double eps) {
        return -eps / Math.sqrt(level.sigma2());
    }
}
