package org.diffold.lab.experiment.sild;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.metrics.fidelity.ModeHistogram;
import org.diffold.core.metrics.fidelity.Reconstruction;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.schedule.Schedules;
import org.diffold.lab.report.AtomicFiles;
import org.diffold.lab.report.ImageGrid;
import org.diffold.lab.store.SweepCell;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.LatentModel;
import org.diffold.nn.latent.LatentTraining;
import org.diffold.nn.latent.Objective;
import org.diffold.nn.latent.RealData;
import org.diffold.nn.latent.Stage1Config;
import org.diffold.nn.net.Activation;
import org.diffold.nn.net.Architecture;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.NoiseEmbedding;
import org.diffold.nn.train.LrSchedule;

/**
 * Stacked Fashion-MNIST (docs/math.md §7.4), the Stacked-MNIST protocol on Fashion-MNIST: three independently drawn
 * images as the channels of one 28x28x3 image, 1000 modes (the three classes). SiLD and the VAE-LDM (KL 1e-6) train
 * on stacked training images with the conv networks of the main table; each channel of every sample is classified by
 * the project's Fashion-MNIST classifier and the mode histogram is scored by the modes covered and its KL to uniform.
 * Stacked held-out (t10k) images scored the same way are the reference. Settings are ours.
 */
final class StackedCells {
    /** Section tag of these cells' results. */
    static final String SECTION = "stacked";
    /** Channels, classes per channel and modes. */
    static final int CHANNELS = 3, CLASSES = 10, MODES = 1000;
    /** The stacked image shape. */
    static final ImageShape SHAPE = new ImageShape(28, 28, CHANNELS);
    /** Methods in table order ("data" = stacked held-out images). */
    static final List<String> METHODS = List.of("sild", "vae:kl=1.0E-6", "data");

    private StackedCells() {}

    /** Labels of rows of single-channel images (the classifier's predict). */
    interface Classify {
        /** Class of each of the n rows. */
        int[] predict(double[] rows, int n);
    }

    /**
     * Settings [ours]; the networks and step budget are the main table's.
     *
     * @param nTrain stacked training images
     * @param nSamples samples per method (and stacked held-out images of the reference)
     * @param latentDim latent width
     * @param pool training images the stacked training images are drawn from (the first ones)
     */
    record Settings(int nTrain, int nSamples, int latentDim, int pool) {
        static Settings of(SildConfig cfg) {
            return cfg.quick() ? new Settings(1000, 500, cfg.latentDim(), 10000) : new Settings(10000, 5000, 3 * cfg.latentDim(), 60000);
        }
    }

    private static Map<String, Object> settings(SildConfig cfg, Settings s) {
        Map<String, Object> m = new LinkedHashMap<>(cfg.modelSettings());
        m.put("kind", SECTION);
        m.put("stackedTrain", s.nTrain());
        m.put("stackedSamples", s.nSamples());
        m.put("stackedLatentDim", s.latentDim());
        m.put("stackedPool", s.pool());
        return m;
    }

    /** A short key of the settings. */
    static String key(SildConfig cfg, Settings s) {
        return Long.toHexString(settings(cfg, s).toString().hashCode() & 0xFFFFFFFFL);
    }

    /** One cell per method. */
    static List<SweepCell> cells(SildConfig cfg, Settings s) {
        List<SweepCell> c = new ArrayList<>();
        for (String m : METHODS) {
            Map<String, Object> st = settings(cfg, s);
            st.put("method", m);
            c.add(SweepCell.of(SECTION + ":" + m + ":" + key(cfg, s), st));
        }
        return c;
    }

    /**
     * n stacked images (HWC rows, C = 3) from single-channel images (m rows of P values): row i takes its channel c
     * from image idx[i][c], drawn uniformly with stream i of {@code streams}; {@code modes[i]} gets the mode of the
     * three labels.
     */
    static double[] stack(double[] images, int[] labels, int pixels, int n, RandomStreams streams, int[] modes) {
        int m = labels.length;
        double[] out = new double[n * pixels * CHANNELS];
        int[] cls = new int[CHANNELS];
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = streams.stream(i);
            for (int c = 0; c < CHANNELS; c++) {
                int img = rng.nextInt(m);
                cls[c] = labels[img];
                for (int p = 0; p < pixels; p++) out[(i * pixels + p) * CHANNELS + c] = images[img * pixels + p];
            }
            modes[i] = ModeHistogram.stackedMode(cls, CLASSES);
        }
        return out;
    }

    /** Channel c of n HWC rows with {@code channels} channels of P pixels, as n single-channel rows. */
    static double[] channel(double[] rows, int n, int pixels, int channels, int c) {
        double[] out = new double[n * pixels];
        for (int i = 0; i < n; i++) for (int p = 0; p < pixels; p++) out[i * pixels + p] = rows[(i * pixels + p) * channels + c];
        return out;
    }

    /** The mode of each stacked row: the classes of its three channels, c0 * 100 + c1 * 10 + c2. */
    static int[] modes(double[] rows, int n, int pixels, Classify classify) {
        int[] mode = new int[n];
        int[] cls = new int[CHANNELS];
        int[][] byChannel = new int[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) byChannel[c] = classify.predict(channel(rows, n, pixels, CHANNELS, c), n);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < CHANNELS; c++) cls[c] = byChannel[c][i];
            mode[i] = ModeHistogram.stackedMode(cls, CLASSES);
        }
        return mode;
    }

    /** Modes covered and KL to uniform of rows' predicted modes. */
    static Map<String, Object> modeMetrics(double[] rows, int n, int pixels, Classify classify) {
        ModeHistogram h = ModeHistogram.of(modes(rows, n, pixels, classify), MODES);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("modes_covered", h.covered());
        r.put("mode_kl", h.klToUniform());
        return r;
    }

    /** Computes one cell: trains (resumably, in {@code dir}) and scores a method, or scores the held-out reference. */
    static Map<String, Object> compute(SildConfig cfg, Settings s, String method, Path dir, Device device, int threads, Classify classify)
            throws Exception {
        RealData all = RealData.load("fashion-mnist", s.pool(), 10000, null, true);
        int pixels = all.data().dim();
        RandomStreams root = new RandomStreams(cfg.seed()).child("stacked");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("section", SECTION);
        r.put("method", method);
        long t0 = System.nanoTime();
        double[] rows;
        if (method.equals("data")) {
            int[] truth = new int[s.nSamples()];
            rows = stack(all.data().heldOut(), all.heldOutLabels(), pixels, s.nSamples(), root.child("held-out"), truth);
            r.put("true_modes_covered", ModeHistogram.of(truth, MODES).covered());
            r.put("recon_mse", Double.NaN);
        } else {
            int[] unused = new int[s.nTrain()];
            double[] train = stack(all.data().train(), all.trainLabels(), pixels, s.nTrain(), root.child("train"), unused);
            int nHeld = Math.min(cfg.nHeldOut(), s.nSamples());
            double[] held = stack(all.data().heldOut(), all.heldOutLabels(), pixels, nHeld, root.child("held-out"), new int[nHeld]);
            LatentData data = new LatentData(train, held, SHAPE.dim(), SHAPE, "stacked Fashion-MNIST");
            Objective o = method.equals("sild") ? Objective.SILD : Objective.VAE;
            double kl = o == Objective.VAE ? Double.parseDouble(method.substring(method.indexOf('=') + 1)) : 0;
            AutoencoderSpec ae = new AutoencoderSpec("conv", SHAPE.dim(), SHAPE, s.latentDim(), cfg.aeWidth(), 4, o, kl, cfg.sigmaMin(), cfg.sigmaMax());
            Stage1Config s1 = new Stage1Config(cfg.stage1Steps(), 64, new LrSchedule("cosine", 2e-3, Math.min(100, cfg.stage1Steps() / 10), 0.05),
                    1.0, cfg.seed(), Math.max(25, cfg.stage1Steps() / 4));
            NetworkSpec net = new NetworkSpec(Architecture.MLP, s.latentDim(), cfg.stage2Width(), 3, Activation.GELU,
                    NetworkSpec.DEFAULT_PARAMETERISATION, NoiseEmbedding.DEFAULT);
            new LatentTraining(ae, s1, net, SyntheticCells.stage2(cfg.stage2Steps(), cfg.seed(), 1e-3, 0.999))
                    .run(data, dir, device, Map.of("experiment", "reproduce sild (stacked)"), null);
            try (LatentModel lm = LatentModel.load(dir, device)) {
                r.put("recon_mse", Reconstruction.mse(held, lm.reconstruct(held, nHeld)));
                rows = lm.sample(new AffineSampler(Designs.parse("li-yan").plan(Schedules.parse("li-yan", cfg.samplingSteps())), true),
                        cfg.seed(), s.nSamples(), threads, null);
            }
        }
        r.putAll(modeMetrics(rows, s.nSamples(), pixels, classify));
        r.put("n", s.nSamples());
        int show = Math.min(64, s.nSamples());
        AtomicFiles.write(dir.resolve("stacked-samples.png"),
                ImageGrid.pngBytes(ImageGrid.rows(rows, show, SHAPE.dim()), SHAPE.height(), SHAPE.width(), CHANNELS, 8, -1, 1));
        r.put("seconds", (System.nanoTime() - t0) * 1e-9);
        return r;
    }
}
