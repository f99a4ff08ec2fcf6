package org.diffold.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.net.NetworkInput;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.junit.jupiter.api.Test;

/** A DSM batch is x_t = c x_0 + sigma eps with row i's noise the i-th block of the step's bulk normals (docs/math.md §1, §9). */
class DsmBatchTest {
    private static final int D = 7, ROWS = 5, N = 11;

    @Test
    void everyRowIsRebuiltFromItsDataRowLevelAndNoiseBlock() {
        double[] data = new double[N * D];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        for (Parameterisation p : new Parameterisation[] {Parameterisation.EDM, Parameterisation.EPSILON, Parameterisation.SCORE}) {
            NetworkSpec spec = NetworkSpec.mlp(D, 8, 2).with(p).withSigmaData(0.8);
            TrainConfig cfg = TrainConfig.defaults();
            LevelSampler levels = cfg.levelSampler();
            RandomStreams streams = new RandomStreams(9);
            DsmBatch b = new DsmBatch(spec, ROWS);
            b.fillTraining(data, streams.stream(4), streams.normals(4), levels, cfg.weighting());

            SplittableRandom replay = streams.stream(4);
            NormalStream z = streams.normals(4);
            FloatBuffer in = b.input.asFloatBuffer(), tg = b.target.asFloatBuffer();
            double[] eps = new double[D], x = new double[D];
            float[] row = new float[spec.inputWidth()];
            for (int i = 0; i < ROWS; i++) {
                int k = replay.nextInt(N);
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(levels.sampleLogAlphaBar(replay));
                z.fill(eps, 0, D);
                for (int j = 0; j < D; j++) x[j] = level.c() * data[k * D + j] + Math.sqrt(level.sigma2()) * eps[j];
                NetworkInput.write(spec, x, 0, level, row, 0);
                for (int j = 0; j < spec.inputWidth(); j++) {
                    assertEquals(row[j], in.get(i * spec.inputWidth() + j), 0f, p + " input row " + i);
                }
                for (int j = 0; j < D; j++) {
                    float t = (float) p.target(level, spec.sigmaData(), data[k * D + j], eps[j]);
                    assertEquals(t, tg.get(i * D + j), 0f, p + " target row " + i);
                }
            }
        }
    }
}
