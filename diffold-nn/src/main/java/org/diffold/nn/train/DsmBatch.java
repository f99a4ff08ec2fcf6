package org.diffold.nn.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.nn.net.NetworkInput;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;

/**
 * Host buffers of one DSM batch: inputs [x_t, embedding], regression targets and per-example loss weights
 * (Vincent 2011; spec/math.md §1): x_t = c x_0 + sigma eps with x_0 a data row, the level from a
 * {@link LevelSampler} and eps ~ N(0, I), all drawn from one Java random stream, so a batch depends only on
 * (seed, step). Buffers are direct and reused.
 */
final class DsmBatch {
    final int rows;
    final ByteBuffer input, target, weight;
    private final NetworkSpec spec;
    private final float[] inRow, tgtRow;
    private final double[] xRow;

    DsmBatch(NetworkSpec spec, int rows) {
        this.spec = spec;
        this.rows = rows;
        this.input = direct(rows * spec.inputWidth());
        this.target = direct(rows * spec.dim());
        this.weight = direct(rows);
        this.inRow = new float[spec.inputWidth()];
        this.tgtRow = new float[spec.dim()];
        this.xRow = new double[spec.dim()];
    }

    private static ByteBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
    }

    /** Fills a training batch: rows drawn uniformly with replacement from {@code data}. */
    void fillTraining(double[] data, SplittableRandom rng, LevelSampler levels, LossWeighting weighting) {
        int d = spec.dim(), n = data.length / d;
        FloatBuffer in = input.asFloatBuffer(), tg = target.asFloatBuffer(), w = weight.asFloatBuffer();
        for (int i = 0; i < rows; i++) {
            int row = rng.nextInt(n);
            example(data, row * d, levels.sampleLogAlphaBar(rng), rng, weighting, in, tg, w);
        }
    }

    /**
     * Fills a validation batch of rows [from, from + rows) of {@code data}; example i uses its own stream
     * {@code streamOf(from + i)}, so the validation loss uses the same noise at every evaluation.
     */
    void fillValidation(double[] data, int from, java.util.function.IntFunction<SplittableRandom> streamOf,
                        LevelSampler levels, LossWeighting weighting) {
        int d = spec.dim();
        FloatBuffer in = input.asFloatBuffer(), tg = target.asFloatBuffer(), w = weight.asFloatBuffer();
        for (int i = 0; i < rows; i++) {
            SplittableRandom rng = streamOf.apply(from + i);
            example(data, (from + i) * d, levels.sampleLogAlphaBar(rng), rng, weighting, in, tg, w);
        }
    }

    private void example(double[] data, int off, double logAlphaBar, SplittableRandom rng, LossWeighting weighting,
                         FloatBuffer in, FloatBuffer tg, FloatBuffer w) {
        int d = spec.dim();
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(logAlphaBar);
        double c = level.c(), sd = Math.sqrt(level.sigma2());
        Parameterisation p = spec.parameterisation();
        double sdata = spec.sigmaData();
        for (int j = 0; j < d; j++) {
            double x0 = data[off + j], eps = rng.nextGaussian();
            xRow[j] = c * x0 + sd * eps;
            tgtRow[j] = (float) p.target(level, sdata, x0, eps);
        }
        NetworkInput.write(spec, xRow, 0, level, inRow, 0);
        in.put(inRow);
        tg.put(tgtRow);
        w.put((float) weighting.outputWeight(p, sdata, level));
    }
}
