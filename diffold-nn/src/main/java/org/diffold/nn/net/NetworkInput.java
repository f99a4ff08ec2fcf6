package org.diffold.nn.net;

/**
 * Builds the float32 input rows [x_1..x_D, embedding(level)] of a score network from double rows
 * (the one place where double data becomes float32 network input).
 */
public final class NetworkInput {
    private NetworkInput() {}

    /**
     * Writes the input row for x[xOff .. xOff + D) at the level with {@code logAlphaBar} into
     * out[outOff .. outOff + D + E).
     */
    public static void write(NetworkSpec spec, double[] x, int xOff, double logAlphaBar, float[] out, int outOff) {
        int d = spec.dim();
        for (int j = 0; j < d; j++) out[outOff + j] = (float) x[xOff + j];
        spec.embedding().embed(logAlphaBar, out, outOff + d);
    }

    /** Copies the embedding already written at {@code srcOff} to the row at {@code outOff} (same level). */
    public static void copyEmbedding(NetworkSpec spec, float[] buf, int srcOff, int outOff) {
        int d = spec.dim();
        System.arraycopy(buf, srcOff + d, buf, outOff + d, spec.embedding().size());
    }
}
