package org.diffold.core.random;

/**
 * Fills blocks of 16 standard normals from 8 xoshiro256++ lanes (docs/math.md §9). Two implementations give the
 * same bits: {@link VectorNormalKernel} (JDK Vector API, used when {@code jdk.incubator.vector} is present) and
 * {@link ScalarNormalKernel} (plain Java, the reference and the fallback).
 */
interface NormalKernel {
    /**
     * Writes {@code blocks} blocks of 16 normals into {@code dst[off ..)} and advances {@code state} (32 longs, word
     * w of lane l at {@code state[8 w + l]}).
     */
    void fill(long[] state, double[] dst, int off, int blocks);

    /** The implementation in use: the vector kernel when it loads and runs, else the scalar one. */
    static NormalKernel best() { return Holder.BEST; }

    /** Lazily chosen implementation. */
    final class Holder {
        static final NormalKernel BEST = choose();

        private Holder() {}

        private static NormalKernel choose() {
            if (Boolean.getBoolean("diffold.scalar")) return new ScalarNormalKernel();
            try {
                NormalKernel v = (NormalKernel) Class.forName("org.diffold.core.random.VectorNormalKernel")
                        .getDeclaredConstructor().newInstance();
                long[] s = new long[4 * NormalStream.LANES];
                for (int i = 0; i < s.length; i++) s[i] = i + 1;
                v.fill(s, new double[NormalStream.BLOCK], 0, 1); // fails here when the module is absent
                return v;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return new ScalarNormalKernel();
            }
        }
    }
}
