package org.diffold.nn.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.net.NetworkInput;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.Whitening;

/**
 * Host buffers of one DSM batch: inputs [x_t, embedding], regression targets and per-example loss weights
 * (Vincent 2011; docs/math.md §1): x_t = c x_0 + sigma eps with x_0 a data row, the level from a
 * {@link LevelSampler} and eps ~ N(0, I), the rows and levels drawn from the step's Java random stream and the noise
 * from the step's bulk {@link NormalStream} (docs/math.md §9), so a batch depends only on (seed, step). Buffers are
 * direct and reused.
 */
final class DsmBatch {
    final int rows;
    final ByteBuffer input, target, weight;
    /** edm-pca only: per-row weights w_i - w_rest of the r principal directions (rows x r), else null. */
    final ByteBuffer dirWeight;
    private final NetworkSpec spec;
    private final float[] inRow, tgtRow, dirRow;
    private final double[] xRow, x0Row, epsRow, scratch;
    /** The batch's noise, row i at [i D, (i + 1) D). */
    private final double[] eps;

    DsmBatch(NetworkSpec spec, int rows) {
        this.spec = spec;
        this.rows = rows;
        this.input = direct(rows * spec.inputWidth());
        this.target = direct(rows * spec.dim());
        this.weight = direct(rows);
        this.inRow = new float[spec.inputWidth()];
        this.tgtRow = new float[spec.dim()];
        this.xRow = new double[spec.dim()];
        this.eps = new double[rows * spec.dim()];
        Whitening wh = spec.parameterisation().needsWhitening() ? spec.whitening() : null;
        int r = wh == null ? 0 : wh.rank();
        this.dirWeight = wh == null ? null : direct(Math.max(1, rows * r));
        this.dirRow = new float[r];
        this.x0Row = wh == null ? null : new double[spec.dim()];
        this.epsRow = wh == null ? null : new double[spec.dim()];
        this.scratch = wh == null ? null : new double[wh.scratchSize()];
    }

    private static ByteBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
    }

    /**
     * Fills a training batch: row indices (uniform, with replacement) and levels from {@code rng}, the noise of all rows
     * from {@code noise} in one bulk draw (row i takes normals [i D, (i + 1) D)).
     */
    void fillTraining(double[] data, SplittableRandom rng, NormalStream noise, LevelSampler levels, LossWeighting weighting) {
        int d = spec.dim(), n = data.length / d;
        noise.fill(eps, 0, rows * d);
        FloatBuffer in = input.asFloatBuffer(), tg = target.asFloatBuffer(), w = weight.asFloatBuffer();
        FloatBuffer dw = dirWeight == null ? null : dirWeight.asFloatBuffer();
        for (int i = 0; i < rows; i++) {
            int row = rng.nextInt(n);
            example(data, row * d, levels.sampleLogAlphaBar(rng), i * d, weighting, in, tg, w, dw);
        }
    }

    /**
     * Fills a validation batch of rows [from, from + rows) of {@code data}; example i draws its level from
     * {@code streams.stream(from + i)} and its noise from {@code streams.normals(from + i)}, so the validation loss
     * uses the same noise at every evaluation.
     */
    void fillValidation(double[] data, int from, RandomStreams streams, LevelSampler levels, LossWeighting weighting) {
        int d = spec.dim();
        FloatBuffer in = input.asFloatBuffer(), tg = target.asFloatBuffer(), w = weight.asFloatBuffer();
        FloatBuffer dw = dirWeight == null ? null : dirWeight.asFloatBuffer();
        NormalStream z = new NormalStream(0);
        for (int i = 0; i < rows; i++) {
            SplittableRandom rng = streams.stream(from + i);
            streams.normals(from + i, z).fill(eps, i * d, d);
            example(data, (from + i) * d, levels.sampleLogAlphaBar(rng), i * d, weighting, in, tg, w, dw);
        }
    }

    /** One example: data row at {@code off}, noise eps[epsOff .. epsOff + D). */
    private void example(double[] data, int off, double logAlphaBar, int epsOff, LossWeighting weighting,
                         FloatBuffer in, FloatBuffer tg, FloatBuffer w, FloatBuffer dw) {
        int d = spec.dim();
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(logAlphaBar);
        double c = level.c(), sd = Math.sqrt(level.sigma2());
        if (dw != null) {
            Whitening wh = spec.whitening();
            for (int j = 0; j < d; j++) {
                double x0 = data[off + j], e = eps[epsOff + j];
                x0Row[j] = x0;
                epsRow[j] = e;
                xRow[j] = c * x0 + sd * e;
            }
            wh.target(level, x0Row, epsRow, tgtRow, 0, scratch);
            NetworkInput.write(spec, xRow, 0, level, inRow, 0, scratch);
            double wRest = weighting.outputWeight(level, wh.scoreJacobian(level, wh.rank()));
            for (int i = 0; i < dirRow.length; i++) dirRow[i] = (float) (weighting.outputWeight(level, wh.scoreJacobian(level, i)) - wRest);
            in.put(inRow);
            tg.put(tgtRow);
            w.put((float) wRest);
            dw.put(dirRow);
            return;
        }
        Parameterisation p = spec.parameterisation();
        double sdata = spec.sigmaData();
        for (int j = 0; j < d; j++) xRow[j] = c * data[off + j] + sd * eps[epsOff + j];
        p.targets(level, sdata, data, off, eps, epsOff, tgtRow, d);
        NetworkInput.write(spec, xRow, 0, level, inRow, 0, null);
        in.put(inRow);
        tg.put(tgtRow);
        w.put((float) weighting.outputWeight(p, sdata, level));
    }
}
