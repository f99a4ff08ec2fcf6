package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.schedule.Schedules;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.net.DenoiserNetwork;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.UnetLayout;
import org.diffold.nn.net.UnetNetwork;
import org.diffold.nn.score.NetworkScore;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.TrainedModel;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The U-Net body (docs/math.md §1.3): shapes, gradients, determinism, checkpoints, training, bad input. */
class UnetTest {
    @TempDir Path dir;

    private static NetworkSpec tiny(int side, String options) {
        return NetworkSpec.unet(UnetLayout.parse(options, new ImageShape(side, side, 1)), Parameterisation.EDM).withSigmaData(0.7);
    }

    /** Rows of {@code n} 8x8 images: one of four bars (horizontal or vertical, two positions) at +-1 plus small noise. */
    private static double[] bars(int n, long seed) {
        double[] x = new double[n * 64];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int kind = rng.nextInt(4);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    boolean on = kind < 2 ? (r / 2 == 1 + 2 * kind) : (c / 2 == 1 + 2 * (kind - 2));
                    x[i * 64 + r * 8 + c] = (on ? 1 : -1) + 0.05 * rng.nextGaussian();
                }
            }
        }
        return x;
    }

    private static float[] input(NetworkSpec spec, int rows, long seed) {
        float[] in = new float[rows * spec.inputWidth()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < in.length; i++) in[i] = (float) rng.nextGaussian();
        return in;
    }

    @Test
    void forwardMapsImageRowsToImageRows() {
        NetworkSpec spec = tiny(28, "channels=8/16,groups=4");
        assertEquals(784, spec.dim());
        assertEquals(spec.parameterNames().size(), UnetNetwork.declare(spec).names().size());
        try (DenoiserNetwork net = DenoiserNetwork.initialise(spec, NnTestSupport.cpu(), 3);
             NDManager m = net.manager().newSubManager()) {
            NDArray out = net.forward(m.create(input(spec, 5, 1), new Shape(5, spec.inputWidth())));
            assertEquals(new Shape(5, 784), out.getShape());
            for (float v : out.toFloatArray()) assertTrue(Float.isFinite(v));
        }
        // three channels, three levels: 16 -> 8 -> 4 -> 2
        NetworkSpec rgb = NetworkSpec.unet(UnetLayout.parse("channels=4,8,8,groups=2", new ImageShape(16, 16, 3)), Parameterisation.X0);
        try (DenoiserNetwork net = DenoiserNetwork.initialise(rgb, NnTestSupport.cpu(), 3); NDManager m = net.manager().newSubManager()) {
            assertEquals(new Shape(2, 768), net.forward(m.create(input(rgb, 2, 2), new Shape(2, rgb.inputWidth()))).getShape());
        }
    }

    /** Autograd against central finite differences of L = sum(r * out) in float64, for every weight tensor. */
    @Test
    void gradientMatchesFiniteDifferences() {
        NetworkSpec spec = tiny(4, "channels=2/4,groups=2");
        NnTestSupport.cpu();
        Engine engine = org.diffold.nn.runtime.NnRuntime.engine();
        try (DenoiserNetwork net = DenoiserNetwork.initialise(spec, NnTestSupport.cpu(), 11); NDManager m = net.manager().newSubManager()) {
            NDList p = net.parameters();
            for (int j = 0; j < p.size(); j++) {
                NDArray d = p.get(j).toType(DataType.FLOAT64, true);
                d.attach(net.manager());
                p.set(j, d);
            }
            int rows = 3;
            float[] inF = input(spec, rows, 5);
            double[] inD = new double[inF.length];
            for (int i = 0; i < inF.length; i++) inD[i] = inF[i];
            NDArray in = m.create(inD, new Shape(rows, spec.inputWidth()));
            SplittableRandom rng = new SplittableRandom(7);
            double[] r = new double[rows * spec.dim()];
            for (int i = 0; i < r.length; i++) r[i] = rng.nextGaussian();
            NDArray weight = m.create(r, new Shape(rows, spec.dim()));
            for (NDArray a : p) a.setRequiresGradient(true);
            List<double[]> grads = new java.util.ArrayList<>();
            try (GradientCollector gc = engine.newGradientCollector()) {
                gc.backward(net.forward(in).mul(weight).sum());
            }
            for (NDArray a : p) grads.add(a.getGradient().toDoubleArray());
            for (NDArray a : p) a.setRequiresGradient(false);
            List<String> names = spec.parameterNames();
            double h = 1e-6;
            for (int j = 0; j < p.size(); j++) {
                double[] w = p.get(j).toDoubleArray();
                for (int k = 0; k < Math.min(3, w.length); k++) {
                    int idx = (k * 7919) % w.length;
                    double keep = w[idx];
                    w[idx] = keep + h;
                    p.get(j).set(w);
                    double plus = net.forward(in).mul(weight).sum().getDouble();
                    w[idx] = keep - h;
                    p.get(j).set(w);
                    double minus = net.forward(in).mul(weight).sum().getDouble();
                    w[idx] = keep;
                    p.get(j).set(w);
                    double fd = (plus - minus) / (2 * h), g = grads.get(j)[idx];
                    // central differences in float64: error O(h^2) + rounding O(1e-16 / h) ~ 1e-9
                    assertEquals(fd, g, 1e-6 * Math.max(1, Math.abs(fd)), names.get(j) + "[" + idx + "]");
                }
            }
        }
    }

    private static void setThreads(int n) throws Exception {
        NnTestSupport.cpu(); // the engine's natives must be loaded first
        Class.forName("ai.djl.pytorch.jni.JniUtils").getMethod("setNumThreads", int.class).invoke(null, n);
    }

    /**
     * Same seed, same bits: a short DSM run repeated gives identical weights, and the forward pass and sampling through
     * {@link NetworkScore} are identical on 1 and on 2 PyTorch threads (and sampler threads). Training itself is
     * bit-exact for a fixed thread count only: PyTorch's multi-threaded weight-gradient reductions change the last bits.
     */
    @Test
    void sameSeedSameBitsOnOneAndTwoThreads() throws Exception {
        NetworkSpec spec = tiny(8, "channels=4/8,groups=2");
        TrainingData data = new TrainingData(bars(64, 1), 64, 0.1, 2, "bars");
        TrainConfig cfg = NnTestSupport.small(4, 16);
        Checkpoint[] runs = new Checkpoint[2];
        for (int r = 0; r < 2; r++) {
            try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
                t.train(null, null);
                runs[r] = t.checkpoint();
            }
        }
        for (String name : runs[0].floats().keySet()) assertArrayEquals(runs[0].floats(name), runs[1].floats(name), 0f, name);
        float[][] out = new float[2][];
        double[][] samples = new double[2][];
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            t.train(null, null);
            for (int threads = 1; threads <= 2; threads++) {
                setThreads(threads);
                try (NDManager m = t.evaluationNetwork().manager().newSubManager()) {
                    out[threads - 1] = t.evaluationNetwork().forward(m.create(input(spec, 40, 3), new Shape(40, spec.inputWidth()))).toFloatArray();
                }
                samples[threads - 1] = new double[6 * 64];
                new AffineSampler(Designs.parse("li-yan").plan(Schedules.parse("li-yan", 20)), true)
                        .sample(new NetworkScore(t.evaluationNetwork()), new RandomStreams(9), 0, 6, samples[threads - 1], threads, null);
            }
        } finally {
            setThreads(1);
        }
        assertArrayEquals(out[0], out[1], 0f);
        assertArrayEquals(samples[0], samples[1], 0.0);
    }

    @Test
    void checkpointRoundTripAndBitExactResume() throws Exception {
        NetworkSpec spec = tiny(8, "channels=4/8,groups=2");
        TrainingData data = new TrainingData(bars(80, 3), 64, 0.1, 2, "bars");
        TrainConfig cfg = NnTestSupport.small(12, 16);
        Checkpoint straight;
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of("data.shape", "8x8x1"))) {
            t.train(null, null);
            straight = t.checkpoint();
        }
        Path file = dir.resolve("unet/checkpoint.dfnn");
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of("data.shape", "8x8x1"))) {
            t.trainUntil(5, null, file);
        }
        Checkpoint half = CheckpointFormat.read(file);
        assertEquals("8x8x1", half.meta().get("net.unet.shape"));
        assertEquals("channels=4/8,groups=2", half.meta().get("net.unet.options"));
        Checkpoint resumed;
        try (Trainer t = Trainer.resume(half, cfg, data, NnTestSupport.cpu(), null, Map.of("data.shape", "8x8x1"))) {
            assertEquals(spec, t.spec());
            t.train(null, file);
            resumed = t.checkpoint();
        }
        for (String name : straight.floats().keySet()) assertArrayEquals(straight.floats(name), resumed.floats(name), 0f, name);
        assertArrayEquals(straight.doubles("history/loss"), resumed.doubles("history/loss"), 0.0);
        try (TrainedModel model = TrainedModel.load(dir.resolve("unet"), NnTestSupport.cpu())) {
            assertEquals(spec, model.spec());
            assertArrayEquals(straight.floats("ema/" + spec.parameterNames().get(0)), model.network().weights().get(0), 0f);
            assertEquals(64, model.score().dim());
        }
    }

    @Test
    void shortTrainingLowersTheDsmLoss() throws Exception {
        NetworkSpec spec = tiny(8, "channels=8/16,groups=4");
        TrainingData data = new TrainingData(bars(400, 5), 64, 0.1, 6, "bars");
        TrainConfig cfg = NnTestSupport.small(120, 32);
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            double before = t.evaluate().validationLoss();
            t.train(null, null);
            double after = t.evaluate().validationLoss();
            // Measured (x86-64, 1 thread): 0.628 -> 0.259 (ratio 0.41); the bound asks for a halving.
            assertTrue(after < 0.5 * before, "validation loss " + before + " -> " + after);
        }
    }

    @Test
    void shapesThatDoNotFitAreOneLineErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnetLayout.parse("channels=8/16", new ImageShape(30, 30, 1)));
        assertTrue(e.getMessage().contains("30x30x1") && e.getMessage().contains("multiples of 4") && !e.getMessage().contains("\n"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnetLayout.parse("channels=12/16", ImageShape.FASHION_MNIST));
        assertTrue(e.getMessage().contains("groups=8") && e.getMessage().contains("12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnetLayout.parse("depth=3", ImageShape.FASHION_MNIST));
        assertTrue(e.getMessage().contains("depth=3") && e.getMessage().contains("valid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnetLayout.parse("channels=8/x", ImageShape.FASHION_MNIST));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnetLayout.parse("", null));
        assertTrue(e.getMessage().contains("image"), e.getMessage());
        assertEquals(List.of(32, 64), UnetLayout.parse("", ImageShape.FASHION_MNIST).channels());
        assertEquals(List.of(16, 32), UnetLayout.parse("channels=16,32,groups=4", ImageShape.FASHION_MNIST).channels());
    }
}
