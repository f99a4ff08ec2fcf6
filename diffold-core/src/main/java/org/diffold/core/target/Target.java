package org.diffold.core.target;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;

/**
 * A data distribution of X_0 in R^D supported on a k-dimensional set, with the exact score of every noised law
 * X_t = c X_0 + sigma Z.
 */
public interface Target {
    /** Registry name, e.g. {@code gmm-subspace}. */
    String name();

    /** Ambient dimension D. */
    int dim();

    /** Intrinsic dimension k. */
    int intrinsicDim();

    /** The exact score of the noised law at every level. */
    Score score();

    /**
     * Writes n samples of X_0 into out (row-major n x D); sample i uses stream {@code firstIndex + i} of
     * {@code streams}, so results do not depend on how a batch is split.
     */
    void sample(RandomStreams streams, long firstIndex, int n, double[] out);

    /** n samples of the noised law X = c X_0 + sigma Z at {@code level}, per-index streams as in {@link #sample}. */
    default void sampleNoised(NoiseLevel level, RandomStreams streams, long firstIndex, int n, double[] out) {
        sample(streams, firstIndex, n, out);
        RandomStreams noise = streams.child("forward-noise");
        double c = level.c();
        double sd = Math.sqrt(level.sigma2());
        int d = dim();
        for (int i = 0; i < n; i++) {
            java.util.SplittableRandom rng = noise.stream(firstIndex + i);
            for (int j = i * d, end = j + d; j < end; j++) out[j] = c * out[j] + sd * rng.nextGaussian();
        }
    }
}
