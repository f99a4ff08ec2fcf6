package org.diffold.nn.latent;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.Sampler;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.train.TrainedModel;

/**
 * A latent model folder (docs/math.md §7): {@value #STAGE1_FILE} holds stage 1 (encoder, decoder and the per-
 * coordinate mean and standard deviation of the training latents, which standardise the latents [ours]) and
 * {@value TrainedModel#FILE} holds stage 2, the latent score network. Sampling draws standardised latents with
 * any Diffold sampler and decodes them.
 */
public final class LatentModel implements AutoCloseable {
    /** Stage-1 checkpoint file in a model folder. */
    public static final String STAGE1_FILE = "autoencoder.dfnn";
    /** Checkpoint tensors of the latent standardisation. */
    public static final String MEAN = "latent/mean", STD = "latent/std";
    /** Provenance key that marks a stage-2 checkpoint as a latent score. */
    public static final String LATENT_KEY = "latent.kind";
    private static final int BLOCK = 256;

    private final Autoencoder ae;
    private final double[] mean, std;
    private final TrainedModel stage2;
    private final ImageShape shape;

    private LatentModel(Autoencoder ae, double[] mean, double[] std, TrainedModel stage2, ImageShape shape) {
        this.ae = ae;
        this.mean = mean;
        this.std = std;
        this.stage2 = stage2;
        this.shape = shape;
    }

    /** True when the folder holds a latent model (either stage's file marks it). */
    public static boolean isLatent(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        if (Files.exists(dir.resolve(STAGE1_FILE))) return true;
        Path s2 = dir.resolve(TrainedModel.FILE);
        return Files.exists(s2) && CheckpointFormat.read(s2).meta().containsKey("prov." + LATENT_KEY);
    }

    /** Loads stage 1 alone (encode, decode, reconstruct), with a one-line error when it is missing or unfinished. */
    public static LatentModel loadStage1(Path dir, Device device) throws IOException {
        Path f = dir.resolve(STAGE1_FILE);
        if (!Files.exists(f)) {
            throw new CheckpointException("model folder " + dir + " has no decoder (" + STAGE1_FILE + "); train stage 1 with diffold train --latent ...");
        }
        Checkpoint c = CheckpointFormat.read(f);
        if (!c.doubles().containsKey(MEAN)) {
            throw new CheckpointException(f + " is an unfinished stage-1 run (no latent statistics); resume it with diffold train --resume");
        }
        AutoencoderSpec spec = AutoencoderSpec.fromMap(c.meta());
        List<float[]> w = new ArrayList<>();
        for (String n : Autoencoder.declare(spec).names()) w.add(c.floats("weights/" + n));
        String sh = c.meta().get("data.shape");
        return new LatentModel(Autoencoder.fromHost(spec, device, w), c.doubles(MEAN), c.doubles(STD), null,
                sh == null ? null : ImageShape.parse(sh));
    }

    /** Loads both stages; a missing decoder or stage-2 model is a one-line error. */
    public static LatentModel load(Path dir, Device device) throws IOException {
        Path s2 = dir.resolve(TrainedModel.FILE);
        if (!Files.exists(s2)) {
            if (!Files.exists(dir.resolve(STAGE1_FILE))) throw new CheckpointException("model folder " + dir + " holds no model (" + STAGE1_FILE + ", " + TrainedModel.FILE + ")");
            throw new CheckpointException("model folder " + dir + " has stage 1 but no stage-2 latent score (" + TrainedModel.FILE + "); finish training with diffold train --resume");
        }
        LatentModel s1 = loadStage1(dir, device);
        try {
            TrainedModel m = TrainedModel.load(s2, device);
            if (m.spec().dim() != s1.ae.spec().latentDim()) {
                m.close();
                throw new CheckpointException("stage-2 model in " + dir + " has dimension " + m.spec().dim() + ", the latent width is " + s1.ae.spec().latentDim());
            }
            return new LatentModel(s1.ae, s1.mean, s1.std, m, s1.shape);
        } catch (IOException | RuntimeException e) {
            s1.close();
            throw e;
        }
    }

    /** Standardised latents (n x k) of data rows (n x D). */
    public double[] encode(double[] rows, int n) {
        double[] z = ae.encodeRows(rows, n, BLOCK);
        int k = mean.length;
        for (int i = 0; i < z.length; i++) z[i] = (z[i] - mean[i % k]) / std[i % k];
        return z;
    }

    /** Data rows (n x D) of standardised latents (n x k). */
    public double[] decode(double[] z, int n) {
        int k = mean.length;
        double[] raw = new double[z.length];
        for (int i = 0; i < z.length; i++) raw[i] = z[i] * std[i % k] + mean[i % k];
        return ae.decodeRows(raw, n, BLOCK);
    }

    /** dec(enc(x)) of data rows. */
    public double[] reconstruct(double[] rows, int n) {
        return ae.decodeRows(ae.encodeRows(rows, n, BLOCK), n, BLOCK);
    }

    /** n decoded samples: standardised latents by any sampler (design, scheme or solver) with the stage-2 score, then decoded; row i depends on seed and i only. */
    public double[] sample(Sampler sampler, long seed, int n, int threads, java.util.function.IntConsumer progress) {
        if (stage2 == null) throw new IllegalStateException("stage 2 is not loaded");
        int k = mean.length;
        double[] z = new double[n * k];
        sampler.sample(stage2.score(), new RandomStreams(seed), 0, n, z, threads, progress == null ? i -> { } : progress);
        return decode(z, n);
    }

    /** The autoencoder. */
    public Autoencoder autoencoder() { return ae; }

    /** Image shape of the data, or null for vector data. */
    public ImageShape shape() { return shape; }

    /** D. */
    public int dim() { return ae.spec().dim(); }

    /** The stage-2 model (null when only stage 1 is loaded). */
    public TrainedModel stage2() { return stage2; }

    /**
     * Writes the finished stage-1 checkpoint of {@code t} with the latent statistics of {@code data}'s training rows
     * (mean and standard deviation per coordinate, at least 1e-6) to {@code file}; returns the standardised latents.
     */
    public static double[] finishStage1(Stage1Trainer t, LatentData data, Path file) throws IOException {
        int n = data.trainRows(), k = t.spec().latentDim();
        double[] z = t.network().encodeRows(data.train(), n, BLOCK);
        double[] mu = new double[k], sd = new double[k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) mu[j] += z[i * k + j] / n;
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) sd[j] += (z[i * k + j] - mu[j]) * (z[i * k + j] - mu[j]) / n;
        for (int j = 0; j < k; j++) sd[j] = Math.max(1e-6, Math.sqrt(sd[j]));
        for (int i = 0; i < z.length; i++) z[i] = (z[i] - mu[i % k]) / sd[i % k];
        Checkpoint c = t.checkpoint();
        Map<String, double[]> d = new LinkedHashMap<>(c.doubles());
        d.put(MEAN, mu);
        d.put(STD, sd);
        CheckpointFormat.write(file, new Checkpoint(c.meta(), c.floats(), d));
        return z;
    }

    @Override
    public void close() {
        ae.close();
        if (stage2 != null) stage2.close();
    }
}
