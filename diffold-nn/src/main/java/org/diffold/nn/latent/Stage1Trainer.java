package org.diffold.nn.latent;

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
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.AdamState;
import org.diffold.nn.train.TrainListener;
import org.diffold.nn.train.TrainingDivergedException;

/**
 * Stage 1 of a latent model (docs/math.md §7; objectives in {@link Objective}): per step a batch of training rows,
 * noise levels and noises drawn from the Java stream of that step, the loss, backward, global-norm clipping and
 * Adam. The checkpoint holds the weights, Adam's moments, the loss history and the step, so a resumed run repeats
 * the uninterrupted one bit for bit on the CPU with one PyTorch thread. One trainer per JVM at a time.
 */
public final class Stage1Trainer implements AutoCloseable {
    /** Clamp of the VAE's log-variance, as in Rombach et al.'s LDM autoencoders (keeps exp(lv) finite). */
    public static final float LOG_VAR_MIN = -30f, LOG_VAR_MAX = 20f;
    /** Adam's settings [ours, PyTorch's defaults]. */
    public static final double BETA1 = 0.9, BETA2 = 0.999, ADAM_EPS = 1e-8;
    private final AutoencoderSpec spec;
    private final Stage1Config cfg;
    private final LatentData data;
    private final Map<String, String> provenance;
    private final Autoencoder net;
    private final AdamState adam;
    private final double[] losses;
    private final RandomStreams streams;
    private final Engine engine;
    private final ByteBuffer x0Buf, inBuf, epsBuf;
    private int step;

    private Stage1Trainer(AutoencoderSpec spec, Stage1Config cfg, LatentData data, Map<String, String> provenance,
                          Autoencoder net, AdamState adam, double[] losses, int step) {
        if (data.dim() != spec.dim()) throw new IllegalArgumentException("data dimension " + data.dim() + " differs from the autoencoder's " + spec.dim());
        this.spec = spec;
        this.cfg = cfg;
        this.data = data;
        this.provenance = new LinkedHashMap<>(provenance);
        this.net = net;
        this.adam = adam;
        this.losses = java.util.Arrays.copyOf(losses, cfg.steps());
        this.step = step;
        this.streams = new RandomStreams(cfg.seed()).child("stage1");
        this.engine = net.weights().manager().getEngine();
        int b = cfg.batchSize();
        this.x0Buf = direct(b * spec.dim());
        this.inBuf = direct(b * spec.dim());
        this.epsBuf = direct(Math.max(1, b * spec.latentDim()));
        for (NDArray p : net.weights().list()) p.setRequiresGradient(true);
    }

    private static ByteBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
    }

    /** A fresh run; weights from the seed. */
    public static Stage1Trainer create(AutoencoderSpec spec, Stage1Config cfg, LatentData data, Device device, Map<String, String> provenance) {
        NnRuntime.engine();
        Autoencoder net = Autoencoder.initialise(spec, device, cfg.seed());
        return new Stage1Trainer(spec, cfg, data, provenance, net, AdamState.zeros(net.weights().list(), device), new double[0], 0);
    }

    /** Continues the run in {@code c}; {@code cfg} may only change the steps. */
    public static Stage1Trainer resume(Checkpoint c, Stage1Config cfg, LatentData data, Device device, Map<String, String> provenance) {
        NnRuntime.engine();
        AutoencoderSpec spec = AutoencoderSpec.fromMap(c.meta());
        Map<String, String> saved = Stage1Config.fromMap(c.meta()).withSteps(cfg.steps()).toMap();
        for (Map.Entry<String, String> e : cfg.toMap().entrySet()) {
            if (e.getKey().equals("stage1.checkpointEvery")) continue;
            if (!e.getValue().equals(saved.get(e.getKey()))) {
                throw new CheckpointException("checkpoint mismatch: it was trained with " + e.getKey() + "=" + saved.get(e.getKey()) + ", this run has " + e.getValue());
            }
        }
        String fp = Long.toHexString(data.fingerprint());
        if (!fp.equals(c.require("data.fingerprint"))) {
            throw new CheckpointException("checkpoint mismatch: it was trained on other data (fingerprint " + c.require("data.fingerprint") + ", this data " + fp + ")");
        }
        if (c.step() > cfg.steps()) throw new IllegalArgumentException("checkpoint is at step " + c.step() + ", beyond --steps " + cfg.steps());
        List<String> names = Autoencoder.declare(spec).names();
        Autoencoder net = Autoencoder.fromHost(spec, device, tensors(c, "weights/", names));
        try {
            AdamState adam = AdamState.fromHost(net.weights().list(), device, tensors(c, "adam.m/", names), tensors(c, "adam.v/", names));
            return new Stage1Trainer(spec, cfg, data, provenance, net, adam, c.doubles("history/loss"), c.step());
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    private static List<float[]> tensors(Checkpoint c, String prefix, List<String> names) {
        List<float[]> out = new ArrayList<>();
        for (String n : names) out.add(c.floats(prefix + n));
        return out;
    }

    /** Steps done. */
    public int step() { return step; }

    /** The network (live). */
    public Autoencoder network() { return net; }

    /** The spec. */
    public AutoencoderSpec spec() { return spec; }

    /** Loss of each step done so far. */
    public double[] losses() { return java.util.Arrays.copyOf(losses, step); }

    /** Runs the remaining steps, checkpointing to {@code file} (if not null) every checkpointEvery steps and at the end. */
    public void train(TrainListener listener, Path file) throws IOException {
        trainUntil(cfg.steps(), listener, file);
    }

    /** Runs steps until {@code until} are done. */
    public void trainUntil(int until, TrainListener listener, Path file) throws IOException {
        if (until > cfg.steps()) throw new IllegalArgumentException("until must be <= steps " + cfg.steps() + ", got " + until);
        TrainListener l = listener == null ? TrainListener.NONE : listener;
        while (step < until) {
            double lr = cfg.lr().at(step, cfg.steps());
            double loss = step(lr);
            losses[step] = loss;
            step++;
            l.onStep(step, loss, lr);
            if (file != null && (step == until || (cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0))) {
                if (!net.weights().finite()) throw new TrainingDivergedException("stage-1 training diverged: non-finite weights at step " + step, step);
                CheckpointFormat.write(file, checkpoint());
                l.onCheckpoint(step, file);
            }
        }
    }

    private void fillBatch(SplittableRandom rng) {
        int d = spec.dim(), k = spec.latentDim(), n = data.trainRows(), b = cfg.batchSize();
        FloatBuffer x0 = x0Buf.asFloatBuffer(), in = inBuf.asFloatBuffer(), eps = epsBuf.asFloatBuffer();
        double[] rows = data.train();
        double logLo = Math.log(spec.sigmaMin()), logHi = Math.log(spec.sigmaMax());
        for (int i = 0; i < b; i++) {
            int off = rng.nextInt(n) * d;
            double sigma = spec.objective() == Objective.SILD ? Math.exp(logLo + (logHi - logLo) * rng.nextDouble()) : 0;
            for (int j = 0; j < d; j++) {
                double x = rows[off + j];
                x0.put((float) x);
                in.put((float) (sigma > 0 ? x + sigma * rng.nextGaussian() : x));
            }
            if (spec.objective() == Objective.VAE) for (int j = 0; j < k; j++) eps.put((float) rng.nextGaussian());
        }
    }

    private double step(double lr) {
        fillBatch(streams.stream(step));
        int b = cfg.batchSize(), d = spec.dim(), k = spec.latentDim();
        try (NDManager sub = net.weights().manager().newSubManager()) {
            NDArray x0 = sub.create(x0Buf, new Shape(b, d), DataType.FLOAT32);
            NDArray in = sub.create(inBuf, new Shape(b, d), DataType.FLOAT32);
            NDArray eps = spec.objective() == Objective.VAE ? sub.create(epsBuf, new Shape(b, k), DataType.FLOAT32) : null;
            NDArray loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                loss = loss(net, x0, in, eps);
                gc.backward(loss);
            }
            NDList grads = new NDList();
            for (NDArray p : net.weights().list()) {
                NDArray g = p.getGradient();
                g.attach(sub);
                grads.add(g);
            }
            float value = loss.getFloat();
            float rescale = 1f;
            if (cfg.clipNorm() > 0) {
                NDArray sq = null;
                for (NDArray g : grads) sq = sq == null ? g.square().sum() : sq.add(g.square().sum());
                double norm = Math.sqrt(sq.getFloat());
                if (!Double.isFinite(norm)) value = Float.NaN;
                if (norm > cfg.clipNorm()) rescale = (float) (cfg.clipNorm() / (norm + 1e-6));
            }
            if (!Float.isFinite(value)) {
                throw new TrainingDivergedException("stage-1 training diverged: loss or gradient is not finite at step " + (step + 1)
                        + " (lr " + (float) lr + "); lower the learning rate", step + 1);
            }
            adam.update(net.weights().list(), grads, lr, step + 1L, rescale, BETA1, BETA2, ADAM_EPS);
            return value;
        }
    }

    /**
     * The stage-1 loss of a batch (see {@link Objective}): mean squared reconstruction error per coordinate, plus for
     * the VAE beta times the mean closed-form KL divided by D (log-variance clamped to [{@value #LOG_VAR_MIN}, {@value #LOG_VAR_MAX}]).
     */
    static NDArray loss(Autoencoder net, NDArray x0, NDArray in, NDArray eps) {
        AutoencoderSpec s = net.spec();
        NDArray h = net.encode(in);
        if (s.objective() != Objective.VAE) return net.decode(h).sub(x0).square().mean();
        int k = s.latentDim();
        NDArray mu = h.get(":, 0:" + k), lv = h.get(":, " + k + ":").clip(LOG_VAR_MIN, LOG_VAR_MAX);
        NDArray z = mu.add(lv.mul(0.5f).exp().mul(eps));
        NDArray rec = net.decode(z).sub(x0).square().mean();
        return rec.add(kl(mu, lv).mean().mul((float) (s.klWeight() / s.dim())));
    }

    /** Per-example closed-form KL(N(mu, e^lv) || N(0, I)) = sum_j (mu^2 + e^lv - 1 - lv) / 2, shape (B). */
    static NDArray kl(NDArray mu, NDArray lv) {
        return mu.square().add(lv.exp()).sub(1f).sub(lv).sum(new int[] {1}).mul(0.5f);
    }

    /** A checkpoint of the current state. */
    public Checkpoint checkpoint() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "diffold-nn stage-1 checkpoint");
        m.putAll(spec.toMap());
        m.putAll(cfg.toMap());
        m.put("data.description", data.description());
        m.put("data.dim", Integer.toString(data.dim()));
        if (data.shape() != null) m.put("data.shape", data.shape().toString());
        m.put("data.trainRows", Integer.toString(data.trainRows()));
        m.put("data.heldOutRows", Integer.toString(data.heldOutRows()));
        m.put("data.fingerprint", Long.toHexString(data.fingerprint()));
        m.put("prov.threads", Integer.toString(NnRuntime.threads()));
        for (Map.Entry<String, String> e : provenance.entrySet()) m.put("prov." + e.getKey(), e.getValue());
        m.put(Checkpoint.STEP, Integer.toString(step));
        List<String> names = net.weights().names();
        Map<String, float[]> f = new LinkedHashMap<>();
        put(f, "weights/", names, net.weights().host());
        put(f, "adam.m/", names, adam.means());
        put(f, "adam.v/", names, adam.variances());
        Map<String, double[]> dd = new LinkedHashMap<>();
        dd.put("history/loss", losses());
        return new Checkpoint(m, f, dd);
    }

    private static void put(Map<String, float[]> f, String prefix, List<String> names, List<float[]> v) {
        for (int j = 0; j < names.size(); j++) f.put(prefix + names.get(j), v.get(j));
    }

    @Override
    public void close() {
        adam.close();
        net.close();
    }
}
