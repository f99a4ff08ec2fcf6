package org.diffold.core.sampler;

import java.util.function.IntConsumer;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;

/**
 * The sampler contract (docs/math.md §3.4): an immutable object with no hidden step counter that turns a
 * {@link Score} and explicit random streams into samples. Sample i uses stream {@code firstIndex + i} only, so the
 * output is bit-identical for any batch split and thread count; a NaN/Inf state fails with a
 * {@link SamplingDivergedException} naming the step and its time.
 */
public interface Sampler {
    /** Printable description (scheme or design and its grid or schedule). */
    String name();

    /**
     * Writes n samples (row-major n x D) into {@code out}.
     *
     * @param progress called with the number of rows finished (from worker threads); may be null
     * @throws SamplingDivergedException when a value becomes NaN or infinite
     */
    void sample(Score score, RandomStreams streams, long firstIndex, int n, double[] out, int threads, IntConsumer progress);
}
