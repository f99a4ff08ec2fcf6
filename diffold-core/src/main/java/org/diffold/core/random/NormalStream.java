package org.diffold.core.random;

/**
 * A stream of standard normals for one sample, filled in bulk (docs/math.md §9): eight xoshiro256++ lanes
 * (Blackman &amp; Vigna 2018) seeded by SplitMix64 from one 64-bit seed, turned into normals 16 at a time by a
 * branch-free Box–Muller transform. The stream is one fixed sequence z_0, z_1, ...: {@link #fill} and
 * {@link #next} hand out its next values however the requests are split, and the vector and scalar kernels give
 * the same bits. Allocation-free after construction; not thread-safe (one stream per sample).
 */
public final class NormalStream {
    /** xoshiro256++ lanes per stream. */
    static final int LANES = 8;
    /** Normals per kernel block (two per lane). */
    public static final int BLOCK = 2 * LANES;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final NormalKernel kernel;
    private final long[] state = new long[4 * LANES];
    private final double[] buffer = new double[BLOCK];
    private int position = BLOCK;

    /** A stream seeded with {@code seed}. */
    public NormalStream(long seed) {
        this(seed, NormalKernel.best());
    }

    NormalStream(long seed, NormalKernel kernel) {
        this.kernel = kernel;
        reseed(seed);
    }

    /** Whether the JDK Vector API kernel is in use (else the scalar kernel, same bits). */
    public static boolean vectorised() { return NormalKernel.best() instanceof VectorNormalKernel; }

    /**
     * Restarts the stream from {@code seed}, as if newly constructed: word w of lane l (l = 0..7) is
     * mix64(seed' + (4 l + w + 1) * golden) with seed' = mix64(seed ^ tag) (SplitMix64).
     */
    public NormalStream reseed(long seed) {
        long base = RandomStreams.mix64(seed ^ 0x6A09E667F3BCC909L);
        for (int l = 0; l < LANES; l++) {
            long any = 0;
            for (int w = 0; w < 4; w++) {
                long v = RandomStreams.mix64(base + GOLDEN * (4L * l + w + 1));
                state[LANES * w + l] = v;
                any |= v;
            }
            if (any == 0) state[l] = 1; // xoshiro's one forbidden state (probability 2^-256)
        }
        position = BLOCK;
        return this;
    }

    /** Writes the next {@code len} normals into {@code dst[off ..)}. */
    public void fill(double[] dst, int off, int len) {
        int p = off, end = off + len;
        while (position < BLOCK && p < end) dst[p++] = buffer[position++];
        int blocks = (end - p) / BLOCK;
        if (blocks > 0) {
            kernel.fill(state, dst, p, blocks);
            p += blocks * BLOCK;
        }
        if (p < end) {
            kernel.fill(state, buffer, 0, 1);
            position = 0;
            while (p < end) dst[p++] = buffer[position++];
        }
    }

    /** The next normal. */
    public double next() {
        if (position == BLOCK) {
            kernel.fill(state, buffer, 0, 1);
            position = 0;
        }
        return buffer[position++];
    }
}
