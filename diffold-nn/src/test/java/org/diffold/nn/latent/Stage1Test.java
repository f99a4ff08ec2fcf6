package org.diffold.nn.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.collapse.CollapseStudy;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.manifold.CurveTarget;
import org.diffold.core.manifold.UniformDensity;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.LrSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stage1Test {
    @TempDir Path dir;

    static Device cpu() {
        NnRuntime.engine(1);
        return Device.cpu();
    }

    @Test
    void vaeKlTermEqualsTheClosedFormAndAMonteCarloEstimate() {
        double[] mu = {0.3, -1.2, 0.0, 2.0}, lv = {-0.5, 0.4, 0.0, -2.0};
        double closed = Objective.gaussianKl(mu, lv);
        // KL = E_q[log q(z) - log p(z)], z ~ q = N(mu, e^lv), p = N(0, I)
        SplittableRandom rng = new SplittableRandom(9);
        int n = 400_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < mu.length; j++) {
                double s = Math.exp(lv[j] / 2), e = rng.nextGaussian(), z = mu[j] + s * e;
                v += -0.5 * e * e - Math.log(s) + 0.5 * z * z;
            }
            sum += v;
            sq += v * v;
        }
        double mean = sum / n, se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(closed, mean, 5 * se);
        try (NDManager m = NDManager.newBaseManager(cpu())) {
            float[] muF = new float[mu.length], lvF = new float[lv.length];
            for (int j = 0; j < mu.length; j++) { muF[j] = (float) mu[j]; lvF[j] = (float) lv[j]; }
            NDArray kl = Stage1Trainer.kl(m.create(muF, new Shape(1, 4)), m.create(lvF, new Shape(1, 4)));
            assertEquals(closed, kl.getFloat(0), 1e-5);
        }
    }

    private static LatentData noiseImages(int n, ImageShape s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * s.dim()];
        for (int i = 0; i < x.length; i++) x[i] = 2 * rng.nextDouble() - 1;
        return new LatentData(x, new double[0], s.dim(), s, "uniform noise images");
    }

    @Test
    void eachObjectiveResumesBitForBit() throws Exception {
        Device cpu = cpu();
        ImageShape s = new ImageShape(8, 8, 1);
        LatentData data = noiseImages(40, s, 1);
        for (Objective o : Objective.values()) {
            AutoencoderSpec spec = new AutoencoderSpec("conv", s.dim(), s, 3, 4, 2, o, 1e-2, 1e-3, 0.2);
            Stage1Config cfg = new Stage1Config(6, 8, new LrSchedule("cosine", 3e-3, 2, 0.1), 1.0, 5, 0);
            List<float[]> straight;
            try (Stage1Trainer t = Stage1Trainer.create(spec, cfg, data, cpu, Map.of())) {
                t.train(null, null);
                straight = t.network().weights().host();
            }
            Path file = dir.resolve(o.cliName() + ".dfnn");
            try (Stage1Trainer t = Stage1Trainer.create(spec, cfg, data, cpu, Map.of())) {
                t.trainUntil(3, null, file);
            }
            try (Stage1Trainer t = Stage1Trainer.resume(CheckpointFormat.read(file), cfg, data, cpu, Map.of())) {
                assertEquals(3, t.step());
                t.train(null, file);
                List<float[]> resumed = t.network().weights().host();
                for (int j = 0; j < straight.size(); j++) assertArrayEquals(straight.get(j), resumed.get(j), o + " weight " + j);
            }
            // another data set is refused with a one-line message
            var e = assertThrows(org.diffold.nn.checkpoint.CheckpointException.class,
                    () -> Stage1Trainer.resume(CheckpointFormat.read(file), cfg, noiseImages(40, s, 2), cpu, Map.of()));
            assertTrue(e.getMessage().startsWith("checkpoint mismatch: it was trained on other data"), e.getMessage());
        }
    }

    @Test
    void sildStageOneOnTheCircleInR16LearnsTheProjection() throws Exception {
        Device cpu = cpu();
        int d = 16;
        CurveTarget circle = CurveTarget.circle(1, new UniformDensity(0, 2 * Math.PI), Subspace.random(d, 2, new RandomStreams(3).stream(0)));
        double[] train = circle.sample(11, 2000), held = circle.sample(12, 200);
        LatentData data = new LatentData(train, held, d, null, "circle in R^16");
        AutoencoderSpec spec = new AutoencoderSpec("mlp", d, null, 2, 64, 1, Objective.SILD, 0, 0.01, 0.2);
        Stage1Config cfg = new Stage1Config(STEPS, 128, new LrSchedule("cosine", 3e-3, 30, 0.05), 1.0, 7, 0);
        try (Stage1Trainer t = Stage1Trainer.create(spec, cfg, data, cpu, Map.of())) {
            t.train(null, null);
            Autoencoder ae = t.network();
            double[] rec = ae.decodeRows(ae.encodeRows(held, 200, 200), 200, 200);
            double mse = 0;
            for (int i = 0; i < rec.length; i++) mse += (rec[i] - held[i]) * (rec[i] - held[i]) / rec.length;
            assertTrue(mse < 1e-4, "held-out reconstruction MSE " + mse);
            CollapseStudy study = new CollapseStudy(16, 0.0, 0.3, 1e-3, 5);
            List<CollapseStudy.Row> rows = study.run(circle, new double[] {0}, s -> new AutoencoderDenoiser(ae));
            CollapseStudy.Row r = rows.get(0);
            // on M the exact projection's Jacobian is the rank-1 tangent projector: singular values (1, 0, ..., 0)
            assertEquals(1, r.rank(), "learned Jacobian rank at tau 0.3, singular values " + java.util.Arrays.toString(r.singularValues()));
            assertEquals(1.0, r.singularValues()[0], 0.1);
            assertTrue(r.projectionDistance() < 0.03, "distance to the projection " + r.projectionDistance());
        }
    }

    private static final int STEPS = 2000;
}
