package org.diffold.lab.experiment.sild;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.metrics.fidelity.Reconstruction;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.Schedules;
import org.diffold.lab.report.AtomicFiles;
import org.diffold.lab.report.ImageGrid;
import org.diffold.lab.store.SweepCell;
import org.diffold.nn.image.ImageClassifier;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.latent.AutoencoderDenoiser;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.LatentModel;
import org.diffold.nn.latent.LatentTraining;
import org.diffold.nn.latent.Objective;
import org.diffold.nn.latent.RealData;
import org.diffold.nn.latent.Stage1Config;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.score.NetworkScore;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;

/**
 * The cells of {@code reproduce sild} (docs/math.md §7), in order: exact collapse per manifold, the learned collapse
 * on the circle, the feature classifier, a data-vs-data reference, one cell per method (SiLD, the VAE at each KL
 * weight, the plain AE, pixel-space diffusion), the learned spectra on Fashion-MNIST, then the synthetic-manifold
 * comparison ({@link SyntheticCells}), the learned collapse versus sigma ({@link LearnedCollapseCells}) and Stacked
 * Fashion-MNIST ({@link StackedCells}). Model folders live under
 * {@code workDir/<model key>/}, so a killed run resumes inside a method's training too.
 */
public final class SildExperiment {
    private final SildConfig cfg;
    private final Path workDir;
    private final Device device;
    private final int threads;
    private RealData data;

    /** An experiment writing its model folders under {@code workDir}. */
    public SildExperiment(SildConfig cfg, Path workDir, Device device, int threads) {
        this.cfg = cfg;
        this.workDir = workDir.resolve(cfg.modelKey());
        this.device = device;
        this.threads = threads;
    }

    /** The folder of one method's model and pictures. */
    public Path methodDir(String method) {
        return workDir.resolve(method.replace(':', '_').replace('=', '-'));
    }

    /** The folder of one Stacked Fashion-MNIST method's model and samples. */
    Path stackedDir(String method) {
        return methodDir("stacked-" + StackedCells.key(cfg, StackedCells.Settings.of(cfg))).resolve(methodDir(method).getFileName());
    }

    /** The cells in report order. */
    public List<SweepCell> cells() {
        List<SweepCell> c = new ArrayList<>();
        for (String m : SildConfig.MANIFOLDS) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", "collapse");
            s.put("manifold", m);
            s.put("D", cfg.collapseDim());
            s.put("sigmas", cfg.collapseSigmas());
            s.put("probes", cfg.collapseProbes());
            s.put("seed", cfg.seed());
            c.add(SweepCell.of("collapse:" + m + ":D=" + cfg.collapseDim() + ":n=" + cfg.collapseSigmas() + ":p=" + cfg.collapseProbes() + ":seed=" + cfg.seed(), s));
        }
        Map<String, Object> lc = new LinkedHashMap<>();
        lc.put("kind", "collapse-learned");
        lc.put("steps", cfg.learnedCircleSteps());
        lc.put("seed", cfg.seed());
        c.add(SweepCell.of("collapse-learned:circle:steps=" + cfg.learnedCircleSteps() + ":seed=" + cfg.seed(), lc));
        String key = cfg.modelKey();
        c.add(SweepCell.of("classifier:" + key, with(cfg.modelSettings(), "kind", "classifier")));
        c.add(SweepCell.of("reference:" + key, with(cfg.modelSettings(), "kind", "reference")));
        for (String m : cfg.methods()) c.add(SweepCell.of("method:" + m + ":" + key, with(with(cfg.modelSettings(), "kind", "method"), "method", m)));
        c.add(SweepCell.of("spectra:" + key, with(cfg.modelSettings(), "kind", "spectra")));
        c.addAll(SyntheticCells.cells(SyntheticCells.Settings.of(cfg)));
        c.addAll(LearnedCollapseCells.cells(cfg, LearnedCollapseCells.Settings.of(cfg)));
        c.addAll(StackedCells.cells(cfg, StackedCells.Settings.of(cfg)));
        return c;
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    /** Computes one cell. */
    public Map<String, Object> compute(SweepCell cell) throws Exception {
        String kind = (String) cell.settings().get("kind");
        return switch (kind) {
            case "collapse" -> CollapseCells.exact(cfg, (String) cell.settings().get("manifold"));
            case "collapse-learned" -> CollapseCells.learnedCircle(cfg, device);
            case "classifier" -> classifierCell();
            case "reference" -> reference();
            case "method" -> method((String) cell.settings().get("method"));
            case "spectra" -> spectra();
            case SyntheticCells.SECTION -> {
                SyntheticCells.Settings st = SyntheticCells.Settings.of(cfg);
                String m = (String) cell.settings().get("manifold"), method = (String) cell.settings().get("method");
                yield SyntheticCells.compute(st, m, method, methodDir("synthetic-" + st.key()).resolve(m + "-" + methodDir(method).getFileName()), device, threads);
            }
            case LearnedCollapseCells.SECTION -> LearnedCollapseCells.compute(cfg, LearnedCollapseCells.Settings.of(cfg), (String) cell.settings().get("manifold"), device);
            case StackedCells.SECTION -> {
                StackedCells.Settings st = StackedCells.Settings.of(cfg);
                String method = (String) cell.settings().get("method");
                try (ImageClassifier c = classifier()) {
                    yield StackedCells.compute(cfg, st, method, stackedDir(method), device, threads, c::predict);
                }
            }
            default -> throw new IllegalStateException("unknown cell kind " + kind);
        };
    }

    private RealData data() throws IOException {
        if (data == null) data = RealData.load("fashion-mnist", cfg.nTrain(), cfg.nHeldOut(), null, true);
        return data;
    }

    private Path classifierFile() { return workDir.resolve("classifier.dfnn"); }

    /** The feature classifier: trained once on the full 60000 training images, cached in the work folder. */
    ImageClassifier classifier() throws IOException {
        Path f = classifierFile();
        if (Files.exists(f)) return ImageClassifier.load(f, device);
        RealData all = RealData.load("fashion-mnist", Integer.MAX_VALUE, 0, null, true);
        ImageClassifier c = ImageClassifier.train(ImageShape.FASHION_MNIST, 10, 16, all.data().train(), all.trainLabels(),
                cfg.classifierSteps(), 64, 2e-3, cfg.seed(), device);
        c.save(f, Map.of("classifier.steps", Integer.toString(cfg.classifierSteps())));
        return c;
    }

    private Map<String, Object> classifierCell() throws IOException {
        RealData test = RealData.load("fashion-mnist", 2, 10000, null, true);
        try (ImageClassifier c = classifier()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("test_accuracy", c.accuracy(test.data().heldOut(), test.heldOutLabels()));
            r.put("steps", cfg.classifierSteps());
            return r;
        }
    }

    private FeatureMetrics metrics(ImageClassifier c) throws IOException {
        LatentData d = data().data();
        return new FeatureMetrics(c, d.heldOut(), d.heldOutRows(), threads);
    }

    /** Training images against held-out images: the floor of every generation metric at this sample size. */
    private Map<String, Object> reference() throws IOException {
        LatentData d = data().data();
        int n = Math.min(cfg.nSamples(), d.trainRows());
        try (ImageClassifier c = classifier()) {
            Map<String, Object> r = new LinkedHashMap<>(metrics(c).of(java.util.Arrays.copyOf(d.train(), n * d.dim()), n));
            r.put("name", "data (training images)");
            return r;
        }
    }

    private StepPlan plan() {
        return Designs.parse("li-yan").plan(Schedules.parse("li-yan", cfg.samplingSteps()));
    }

    private TrainConfig stage2Config(int steps) {
        return TrainConfig.defaults().withSteps(steps).withIntervals(0, Math.max(100, steps / 4)).withSeed(cfg.seed())
                .withOptimiser(256, new LrSchedule("cosine", 1e-3, Math.min(200, steps / 10), 0.05), 1.0, 0.999)
                .withValidation(0.05, 20, 256);
    }

    private Map<String, Object> method(String label) throws Exception {
        LatentData d = data().data();
        Path dir = methodDir(label);
        long t0 = System.nanoTime();
        double[] samples, rec = null;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", label);
        if (label.equals("pixel")) {
            samples = pixel(d, dir);
        } else {
            Objective o = Objective.parse(label.startsWith("vae") ? "vae" : label);
            double kl = o == Objective.VAE ? Double.parseDouble(label.substring(label.indexOf('=') + 1)) : 0;
            AutoencoderSpec ae = new AutoencoderSpec("conv", d.dim(), d.shape(), cfg.latentDim(), cfg.aeWidth(), 4, o, kl, cfg.sigmaMin(), cfg.sigmaMax());
            Stage1Config s1 = new Stage1Config(cfg.stage1Steps(), 64, new LrSchedule("cosine", 2e-3, Math.min(100, cfg.stage1Steps() / 10), 0.05),
                    1.0, cfg.seed(), Math.max(25, cfg.stage1Steps() / 4));
            NetworkSpec net = new NetworkSpec(org.diffold.nn.net.Architecture.MLP, cfg.latentDim(), cfg.stage2Width(), 3,
                    org.diffold.nn.net.Activation.GELU, NetworkSpec.DEFAULT_PARAMETERISATION, org.diffold.nn.net.NoiseEmbedding.DEFAULT);
            LatentTraining.Result res = new LatentTraining(ae, s1, net, stage2Config(cfg.stage2Steps())).run(d, dir, device,
                    Map.of("experiment", "reproduce sild"), null);
            r.put("stage1_loss", res.stage1Loss());
            try (LatentModel m = LatentModel.load(dir, device)) {
                rec = m.reconstruct(d.heldOut(), d.heldOutRows());
                samples = m.sample(new AffineSampler(plan(), true), cfg.seed(), cfg.nSamples(), threads, null);
            }
        }
        double mse = rec == null ? Double.NaN : Reconstruction.mse(d.heldOut(), rec);
        r.put("recon_mse", mse);
        r.put("psnr", rec == null ? Double.NaN : Reconstruction.psnr(mse, 2));
        try (ImageClassifier c = classifier()) {
            r.putAll(metrics(c).of(samples, cfg.nSamples()));
        }
        ImageShape s = d.shape();
        int show = Math.min(64, cfg.nSamples());
        AtomicFiles.write(dir.resolve("samples.png"), ImageGrid.pngBytes(ImageGrid.rows(samples, show, d.dim()), s.height(), s.width(), s.channels(), 8, -1, 1));
        if (rec != null) {
            AtomicFiles.write(dir.resolve("reconstructions.png"), ImageGrid.pairsPng(d.heldOut(), rec, 16, s.height(), s.width(), s.channels(), 8, -1, 1));
        }
        r.put("seconds", (System.nanoTime() - t0) * 1e-9);
        return r;
    }

    /** Pixel-space diffusion: the U-Net score ({@link SildConfig#pixelUnet()}) on the 28x28 images. */
    private double[] pixel(LatentData d, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve(org.diffold.nn.train.TrainedModel.FILE);
        NetworkSpec net = cfg.pixelUnet().spec(d.shape());
        TrainConfig tc = cfg.pixelUnet().apply(stage2Config(cfg.pixelUnet().steps()));
        TrainingData td = TrainingData.withHeldOut(d.train(), d.heldOut(), d.dim(), d.description());
        Map<String, String> prov = Map.of("data.shape", d.shape().toString());
        try (Trainer t = Files.exists(f) ? Trainer.resume(CheckpointFormat.read(f), tc, td, device, null, prov)
                : Trainer.create(net, tc, td, device, null, prov)) {
            t.train(null, f);
            double[] out = new double[cfg.nSamples() * d.dim()];
            new AffineSampler(Designs.parse("li-yan").plan(Schedules.parse("li-yan", cfg.pixelSamplingSteps())), true)
                    .sample(new NetworkScore(t.evaluationNetwork()), new RandomStreams(cfg.seed()), 0, cfg.nSamples(), out, threads, i -> { });
            return out;
        }
    }

    /**
     * Learned spectra on Fashion-MNIST: the SiLD stage-1 Jacobian at a held-out image (rank at most k by the
     * bottleneck), and the pixel model's denoiser x + sigma^2 s(x) versus sigma (its rank falls as sigma -> 0).
     */
    private Map<String, Object> spectra() throws Exception {
        LatentData d = data().data();
        double[] x = java.util.Arrays.copyOf(d.heldOut(), d.dim());
        Map<String, Object> r = new LinkedHashMap<>();
        try (LatentModel m = LatentModel.loadStage1(methodDir("sild"), device)) {
            double[] sv = CollapseCells.spectrum(new AutoencoderDenoiser(m.autoencoder()), x);
            r.put("sild_sv", CollapseCells.head(sv, 40));
            r.put("sild_rank", org.diffold.core.collapse.JacobianSpectrum.rank(sv, CollapseCells.TAU));
        }
        try (org.diffold.nn.train.TrainedModel pm = org.diffold.nn.train.TrainedModel.load(methodDir("pixel"), device)) {
            double[] sigmas = {0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
            List<Double> sg = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            List<List<Double>> svs = new ArrayList<>();
            for (double sigma : sigmas) {
                double[] sv = CollapseCells.scoreSpectrum(pm.score(), sigma, x);
                sg.add(sigma);
                ranks.add(org.diffold.core.collapse.JacobianSpectrum.rank(sv, CollapseCells.TAU));
                svs.add(CollapseCells.head(sv, 40));
            }
            r.put("pixel_sigma", sg);
            r.put("pixel_rank", ranks);
            r.put("pixel_sv", svs);
        }
        r.put("tau", CollapseCells.TAU);
        return r;
    }
}
