package org.diffold.nn.image;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.AdamState;
import org.diffold.nn.train.LrSchedule;

/**
 * A small convolutional classifier whose penultimate layer is the feature space of the generation metrics
 * (Fréchet distance, precision/recall; docs/math.md §7) [ours]: conv3x3 C->c, conv4x4/2 c->2c, conv4x4/2 2c->2c
 * (SiLU after each), a linear map to {@value #FEATURES} features (SiLU), a linear map to the class logits; trained
 * by cross-entropy with Adam from a seed. Diffold trains it itself from the data's labels, so no download is needed.
 */
public final class ImageClassifier implements AutoCloseable {
    /** Feature width. */
    public static final int FEATURES = 64;
    private final ImageShape shape;
    private final int classes, width;
    private final Weights w;

    private ImageClassifier(ImageShape shape, int classes, int width, Weights w) {
        this.shape = shape;
        this.classes = classes;
        this.width = width;
        this.w = w;
    }

    private static Weights.Builder declare(ImageShape s, int classes, int c) {
        s.checkFits(2);
        int c2 = 2 * c, flat = c2 * (s.height() / 4) * (s.width() / 4);
        Weights.Builder b = new Weights.Builder();
        b.uniform("c0.weight", s.channels() * 9, c, s.channels(), 3, 3).uniform("c0.bias", s.channels() * 9, c);
        b.uniform("c1.weight", c * 16, c2, c, 4, 4).uniform("c1.bias", c * 16, c2);
        b.uniform("c2.weight", c2 * 16, c2, c2, 4, 4).uniform("c2.bias", c2 * 16, c2);
        b.uniform("f.weight", flat, FEATURES, flat).uniform("f.bias", flat, FEATURES);
        b.uniform("out.weight", FEATURES, classes, FEATURES).uniform("out.bias", FEATURES, classes);
        return b;
    }

    /** Features (B, {@value #FEATURES}) of HWC rows (B, D). */
    public NDArray features(NDArray x) {
        long n = x.getShape().get(0);
        NDArray h = x.reshape(n, shape.height(), shape.width(), shape.channels()).transpose(0, 3, 1, 2);
        h = Layers.silu(Layers.conv(h, w.get("c0.weight"), w.get("c0.bias"), 1, 1));
        h = Layers.silu(Layers.conv(h, w.get("c1.weight"), w.get("c1.bias"), 2, 1));
        h = Layers.silu(Layers.conv(h, w.get("c2.weight"), w.get("c2.bias"), 2, 1));
        return Layers.silu(Layers.linear(h.reshape(n, -1), w.get("f.weight"), w.get("f.bias")));
    }

    /** Class logits (B, classes). */
    public NDArray logits(NDArray x) {
        return Layers.linear(features(x), w.get("out.weight"), w.get("out.bias"));
    }

    /**
     * Trains a fresh classifier.
     *
     * @param rows n x D HWC images
     * @param labels class of each row, in [0, classes)
     */
    public static ImageClassifier train(ImageShape shape, int classes, int width, double[] rows, int[] labels, int steps, int batch,
                                        double lr, long seed, Device device) {
        NnRuntime.engine();
        int d = shape.dim(), n = labels.length;
        if (rows.length != (long) n * d) throw new IllegalArgumentException(n + " labels need " + (long) n * d + " values, got " + rows.length);
        for (int l : labels) if (l < 0 || l >= classes) throw new IllegalArgumentException("label " + l + " outside [0, " + classes + ")");
        ImageClassifier c = new ImageClassifier(shape, classes, width, declare(shape, classes, width).initialise(device, seed));
        try (AdamState adam = AdamState.zeros(c.w.list(), device)) {
            for (NDArray p : c.w.list()) p.setRequiresGradient(true);
            Engine engine = c.w.manager().getEngine();
            LrSchedule sched = new LrSchedule("cosine", lr, Math.min(50, steps / 10), 0.05);
            RandomStreams streams = new RandomStreams(seed).child("classifier");
            ByteBuffer xb = ByteBuffer.allocateDirect(batch * d * 4).order(ByteOrder.nativeOrder());
            ByteBuffer yb = ByteBuffer.allocateDirect(batch * classes * 4).order(ByteOrder.nativeOrder());
            for (int step = 0; step < steps; step++) {
                SplittableRandom rng = streams.stream(step);
                FloatBuffer xf = xb.asFloatBuffer(), yf = yb.asFloatBuffer();
                for (int i = 0; i < batch; i++) {
                    int r = rng.nextInt(n);
                    for (int j = 0; j < d; j++) xf.put((float) rows[r * d + j]);
                    for (int k = 0; k < classes; k++) yf.put(k == labels[r] ? 1f : 0f);
                }
                try (NDManager sub = c.w.manager().newSubManager()) {
                    NDArray x = sub.create(xb, new Shape(batch, d), DataType.FLOAT32);
                    NDArray y = sub.create(yb, new Shape(batch, classes), DataType.FLOAT32);
                    NDArray loss;
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        loss = c.logits(x).logSoftmax(1).mul(y).sum(new int[] {1}).mean().neg();
                        gc.backward(loss);
                    }
                    NDList grads = new NDList();
                    for (NDArray p : c.w.list()) {
                        NDArray g = p.getGradient();
                        g.attach(sub);
                        grads.add(g);
                    }
                    if (!Float.isFinite(loss.getFloat())) throw new IllegalStateException("classifier training diverged at step " + (step + 1));
                    adam.update(c.w.list(), grads, sched.at(step, steps), step + 1L, 1f, 0.9, 0.999, 1e-8);
                }
            }
            for (NDArray p : c.w.list()) p.setRequiresGradient(false);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Features of host rows (n x D) as n x {@value #FEATURES}. */
    public double[] features(double[] rows, int n) {
        return apply(rows, n, true);
    }

    /** Predicted class of each row. */
    public int[] predict(double[] rows, int n) {
        double[] logits = apply(rows, n, false);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) if (logits[i * classes + k] > logits[i * classes + best]) best = k;
            out[i] = best;
        }
        return out;
    }

    /** Fraction of rows whose prediction equals the label. */
    public double accuracy(double[] rows, int[] labels) {
        int[] p = predict(rows, labels.length);
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == labels[i]) ok++;
        return (double) ok / p.length;
    }

    private double[] apply(double[] rows, int n, boolean features) {
        int d = shape.dim(), width = features ? FEATURES : classes, block = 256;
        double[] out = new double[n * width];
        for (int from = 0; from < n; from += block) {
            int b = Math.min(block, n - from);
            float[] f = new float[b * d];
            for (int i = 0; i < f.length; i++) f[i] = (float) rows[from * d + i];
            try (NDManager sub = w.manager().newSubManager()) {
                NDArray x = sub.create(f, new Shape(b, d));
                float[] v = (features ? features(x) : logits(x)).toFloatArray();
                for (int i = 0; i < v.length; i++) out[from * width + i] = v[i];
            }
        }
        return out;
    }

    /** Saves the weights (atomically). */
    public void save(Path file, Map<String, String> meta) throws IOException {
        Map<String, String> m = new LinkedHashMap<>(meta);
        m.put("format", "diffold image classifier");
        m.put("classifier.shape", shape.toString());
        m.put("classifier.classes", Integer.toString(classes));
        m.put("classifier.width", Integer.toString(width));
        m.put(Checkpoint.STEP, "0");
        Map<String, float[]> f = new LinkedHashMap<>();
        List<String> names = w.names();
        List<float[]> host = w.host();
        for (int j = 0; j < names.size(); j++) f.put("weights/" + names.get(j), host.get(j));
        CheckpointFormat.write(file, new Checkpoint(m, f, Map.of()));
    }

    /** Loads a saved classifier and its metadata. */
    public static ImageClassifier load(Path file, Device device) throws IOException {
        Checkpoint c = CheckpointFormat.read(file);
        NnRuntime.engine();
        ImageShape s = ImageShape.parse(c.require("classifier.shape"));
        int classes = Integer.parseInt(c.require("classifier.classes")), width = Integer.parseInt(c.require("classifier.width"));
        Weights.Builder b = declare(s, classes, width);
        List<float[]> v = new ArrayList<>();
        for (String n : b.names()) v.add(c.floats("weights/" + n));
        return new ImageClassifier(s, classes, width, b.fromHost(device, v));
    }

    /** Metadata of a saved classifier. */
    public static Map<String, String> meta(Path file) throws IOException {
        return CheckpointFormat.read(file).meta();
    }

    @Override
    public void close() { w.close(); }
}
