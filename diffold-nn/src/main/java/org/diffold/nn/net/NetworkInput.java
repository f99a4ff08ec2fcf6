package org.diffold.nn.net;

import org.diffold.core.process.NoiseLevel;

/**
 * Builds the float32 input rows [c_in x_1..c_in x_D, embedding(level)] of a score network from double rows
 * (the one place where double data becomes float32 network input); c_in is
 * {@link Parameterisation#inputScale} (1 except for the {@code edm} preconditioning), or per direction
 * ({@link Whitening#writeInput}) for {@code edm-pca}.
 */
public final class NetworkInput {
    private NetworkInput() {}

    /** Writes the input row for x[xOff .. xOff + D) at {@code level} into out[outOff .. outOff + D + E). */
    public static void write(NetworkSpec spec, double[] x, int xOff, NoiseLevel level, float[] out, int outOff) {
        write(spec, x, xOff, level, out, outOff, spec.whitening() == null ? null : new double[spec.whitening().scratchSize()]);
    }

    /** As {@link #write(NetworkSpec, double[], int, NoiseLevel, float[], int)} with caller-owned scratch for edm-pca. */
    public static void write(NetworkSpec spec, double[] x, int xOff, NoiseLevel level, float[] out, int outOff, double[] scratch) {
        int d = spec.dim();
        if (spec.parameterisation().needsWhitening()) {
            spec.whitening().writeInput(level, x, xOff, out, outOff, scratch);
            spec.embedding().embed(level.logAlphaBar(), out, outOff + d);
            return;
        }
        double cIn = spec.parameterisation().inputScale(level, spec.sigmaData());
        for (int j = 0; j < d; j++) out[outOff + j] = (float) (cIn * x[xOff + j]);
        spec.embedding().embed(level.logAlphaBar(), out, outOff + d);
    }

    /** Copies the embedding already written at {@code srcOff} to the row at {@code outOff} (same level). */
    public static void copyEmbedding(NetworkSpec spec, float[] buf, int srcOff, int outOff) {
        int d = spec.dim();
        System.arraycopy(buf, srcOff + d, buf, outOff + d, spec.embedding().size());
    }
}
