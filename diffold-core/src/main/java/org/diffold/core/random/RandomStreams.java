package org.diffold.core.random;

import java.util.SplittableRandom;

/**
 * Splits one seed into independent per-index random streams, so that sample i sees the same numbers whatever the
 * batch size, batch offset or thread count (docs/math.md §3.4; architecture habit 3).
 *
 * <p>The stream of index i is a {@link SplittableRandom} seeded with mix64(mix64(seed) + golden * (i + 1)),
 * the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014) applied to a Weyl sequence.
 */
public final class RandomStreams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final long seed;
    private final long base;

    /** Streams derived from {@code seed}. */
    public RandomStreams(long seed) {
        this.seed = seed;
        this.base = mix64(seed ^ 0x5DEECE66DL);
    }

    /** The master seed. */
    public long seed() { return seed; }

    /** A fresh generator for index {@code index} (same index, same numbers). */
    public SplittableRandom stream(long index) {
        return new SplittableRandom(streamSeed(index));
    }

    /** The seed of index {@code index}'s streams. */
    public long streamSeed(long index) {
        return mix64(base + GOLDEN * (index + 1));
    }

    /** Index {@code index}'s bulk normal stream (docs/math.md §9), independent of {@link #stream(long)}. */
    public NormalStream normals(long index) {
        return new NormalStream(streamSeed(index));
    }

    /** Restarts {@code into} as index {@code index}'s bulk normal stream, without allocating. */
    public NormalStream normals(long index, NormalStream into) {
        return into.reseed(streamSeed(index));
    }

    /** Streams for a named purpose (e.g. "subspace", "target"), independent of the per-sample streams. */
    public RandomStreams child(String purpose) {
        return new RandomStreams(mix64(base ^ mix64(purpose.hashCode() * GOLDEN + 0x632BE59BD9B4E019L)));
    }

    /** SplitMix64 finaliser. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
