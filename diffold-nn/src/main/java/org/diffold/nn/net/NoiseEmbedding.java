package org.diffold.nn.net;

/**
 * Sinusoidal embedding of the noise level (Vaswani et al. 2017; Ho et al. 2006.11239 embed t the same way)
 * applied to the log signal-to-noise ratio gamma = log(abar / (1 - abar)), so one network serves the discrete
 * chain and the OU process alike (docs/math.md §1): features sin(omega_j gamma), cos(omega_j gamma) for
 * size/2 frequencies omega_j geometric from {@code omegaMin} to {@code omegaMax} [ours].
 *
 * @param size number of features (even, >= 2)
 * @param omegaMin lowest frequency (> 0)
 * @param omegaMax highest frequency (>= omegaMin)
 */
public record NoiseEmbedding(int size, double omegaMin, double omegaMax) {
    /** Default: 32 features, frequencies 1/32 .. 8 (gamma spans about [-16, 14] for the usual schedules) [ours]. */
    public static final NoiseEmbedding DEFAULT = new NoiseEmbedding(32, 1.0 / 32, 8.0);

    /** Validates the ranges. */
    public NoiseEmbedding {
        if (size < 2 || size % 2 != 0) throw new IllegalArgumentException("embedding size must be even and >= 2, got " + size);
        if (!(omegaMin > 0) || !(omegaMax >= omegaMin) || Double.isInfinite(omegaMax)) {
            throw new IllegalArgumentException("embedding frequencies must satisfy 0 < omegaMin <= omegaMax < inf, got "
                    + omegaMin + ", " + omegaMax);
        }
    }

    /** log SNR gamma = log abar - log(1 - abar), from log abar (1 - abar = -expm1(log abar)). */
    public static double logSnr(double logAlphaBar) {
        return logAlphaBar - Math.log(-Math.expm1(logAlphaBar));
    }

    /** Writes the features of the level with {@code logAlphaBar} into out[off .. off + size). */
    public void embed(double logAlphaBar, float[] out, int off) {
        double gamma = logSnr(logAlphaBar);
        int half = size / 2;
        double ratio = half == 1 ? 1 : Math.pow(omegaMax / omegaMin, 1.0 / (half - 1));
        double omega = omegaMin;
        for (int j = 0; j < half; j++) {
            out[off + j] = (float) Math.sin(omega * gamma);
            out[off + half + j] = (float) Math.cos(omega * gamma);
            omega *= ratio;
        }
    }
}
