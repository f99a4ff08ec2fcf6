package org.diffold.nn.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;
import org.diffold.nn.net.NetworkInput;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.DenoiserNetwork;

/**
 * A trained {@link DenoiserNetwork} seen as a core {@link Score}: double rows in, double scores out, float32 inside.
 * The network output is converted to a score by {@link Parameterisation#toScore} (Tweedie, docs/math.md §1.1), or
 * row-wise by {@link org.diffold.nn.net.Whitening#toScore} for {@code edm-pca}.
 *
 * <p>Rows are evaluated in fixed blocks of {@link #BLOCK} rows (the last block zero-padded), so every row goes
 * through kernels of the same shape whatever the caller's batch: a row's score does not depend on how a batch is
 * split, as the {@link Score} contract requires. The network is borrowed, not owned; it must stay open and
 * unchanged while evaluators run.
 */
public final class NetworkScore implements Score {
    /** Rows per network call (matches the sampler's chunk, {@code AffineSampler.CHUNK_ROWS}). */
    public static final int BLOCK = 32;
    private final DenoiserNetwork network;

    /** Wraps {@code network} (e.g. the EMA weights of a training run). */
    public NetworkScore(DenoiserNetwork network) {
        if (!network.spec().resolved()) {
            throw new IllegalArgumentException("network parameterisation " + network.spec().parameterisation().cliName()
                    + " needs " + (network.spec().parameterisation().needsWhitening() ? "a whitening, got none" : "sigma_data, got NaN"));
        }
        this.network = network;
    }

    /** The wrapped network. */
    public DenoiserNetwork network() { return network; }

    @Override
    public int dim() { return network.spec().dim(); }

    @Override
    public Evaluator evaluator() { return new BlockEvaluator(); }

    private final class BlockEvaluator implements Evaluator {
        private final NetworkSpec spec = network.spec();
        private final int in = spec.inputWidth();
        private final float[] row = new float[in];
        private final ByteBuffer input = ByteBuffer.allocateDirect(BLOCK * in * Float.BYTES).order(ByteOrder.nativeOrder());
        private final float[] output = new float[BLOCK * spec.dim()];
        private final Shape shape = new Shape(BLOCK, in);
        private final double[] scratch = spec.whitening() == null ? null : new double[spec.whitening().scratchSize()];

        @Override
        public void score(NoiseLevel level, double[] x, double[] out, int from, int to) {
            int d = spec.dim();
            Parameterisation param = spec.parameterisation();
            double sd = spec.sigmaData();
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                FloatBuffer fb = input.asFloatBuffer();
                for (int r = 0; r < BLOCK; r++) {
                    if (r < rows) {
                        NetworkInput.write(spec, x, (start + r) * d, level, row, 0, scratch);
                    } else {
                        java.util.Arrays.fill(row, 0f);
                    }
                    fb.put(row);
                }
                try (NDManager sub = network.manager().newSubManager()) {
                    NDArray a = sub.create(input, shape, DataType.FLOAT32);
                    NDArray o = network.forward(a);
                    o.toByteBuffer().asFloatBuffer().get(output);
                }
                if (param.needsWhitening()) {
                    for (int r = 0; r < rows; r++) {
                        spec.whitening().toScore(level, x, (start + r) * d, output, r * d, out, (start + r) * d, scratch);
                    }
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    int off = (start + r) * d, oo = r * d;
                    for (int j = 0; j < d; j++) out[off + j] = param.toScore(level, sd, x[off + j], output[oo + j]);
                }
            }
        }
    }
}
