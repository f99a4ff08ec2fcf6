package org.diffold.lab.experiment.sild;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.collapse.CollapseStudy;
import org.diffold.core.dimension.Estimators;
import org.diffold.core.dimension.PointCloud;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.metrics.ManifoldDistance;
import org.diffold.core.metrics.SampleDistances;
import org.diffold.core.metrics.fidelity.Reconstruction;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.schedule.Schedules;
import org.diffold.lab.store.SweepCell;
import org.diffold.nn.latent.AutoencoderDenoiser;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.LatentModel;
import org.diffold.nn.latent.LatentTraining;
import org.diffold.nn.latent.Objective;
import org.diffold.nn.latent.Stage1Config;
import org.diffold.nn.net.Activation;
import org.diffold.nn.net.Architecture;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.NoiseEmbedding;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;

/**
 * SiLD against the VAE-LDM and the plain AE on synthetic manifolds in R^D (docs/math.md §7.2): each method trains its
 * two stages with the same MLP encoder/decoder, latent width, stage-2 network and budget, samples, and is scored
 * against held-out points of M by the distance of its samples to M (exact projection), sliced Wasserstein-2, MMD^2,
 * and the intrinsic dimension (TwoNN and MLE, docs/math.md §8) of its latents and of its samples. A "data" row (fresh
 * points of M) gives the floor of each metric at this sample size. Every setting is ours.
 */
final class SyntheticCells {
    /** Section tag of these cells' results. */
    static final String SECTION = "synthetic";
    /** Methods in table order ("data" = fresh points of M, the reference). */
    static final List<String> METHODS = List.of("sild", "vae:kl=1.0E-6", "ae", "data");
    /** Estimators of the intrinsic-dimension columns. */
    static final String ID_MAIN = "twonn", ID_ALT = "mle";

    private SyntheticCells() {}

    /**
     * The settings [ours].
     *
     * @param manifolds manifold specs (their k is the manifold's)
     * @param dim ambient D
     * @param nTrain training points
     * @param nHeldOut held-out points (the reference of SW and MMD)
     * @param nSamples generated points per method
     * @param latentDim latent width (above k, so the latent ID is a finding, not a constraint)
     * @param width MLP width of encoder and decoder
     * @param stage1Steps stage-1 steps (batch 128)
     * @param stage2Steps stage-2 steps (batch 256)
     * @param stage2Width stage-2 MLP width
     * @param sigmaMin SiLD band low end
     * @param sigmaMax SiLD band high end
     * @param samplingSteps T of the li-yan sampler
     * @param seed master seed
     */
    record Settings(List<String> manifolds, int dim, int nTrain, int nHeldOut, int nSamples, int latentDim, int width,
                    int stage1Steps, int stage2Steps, int stage2Width, double sigmaMin, double sigmaMax, int samplingSteps, long seed) {
        static Settings of(SildConfig cfg) {
            List<String> m = List.of("circle", "sphere", "torus");
            return cfg.quick() ? new Settings(m, 16, 2000, 500, 500, 4, 64, 300, 300, 64, 0.01, 0.2, 40, cfg.seed())
                    : new Settings(m, 16, 5000, 1000, 1000, 4, 128, 3000, 3000, 256, 0.01, 0.2, 100, cfg.seed());
        }

        Map<String, Object> map() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", SECTION);
            s.put("D", dim);
            s.put("nTrain", nTrain);
            s.put("nHeldOut", nHeldOut);
            s.put("nSamples", nSamples);
            s.put("latentDim", latentDim);
            s.put("width", width);
            s.put("stage1Steps", stage1Steps);
            s.put("stage2Steps", stage2Steps);
            s.put("stage2Width", stage2Width);
            s.put("sigmaMin", sigmaMin);
            s.put("sigmaMax", sigmaMax);
            s.put("samplingSteps", samplingSteps);
            s.put("seed", seed);
            return s;
        }

        String key() { return Long.toHexString(map().toString().hashCode() & 0xFFFFFFFFL); }
    }

    /** One cell per manifold x method. */
    static List<SweepCell> cells(Settings s) {
        List<SweepCell> c = new ArrayList<>();
        for (String m : s.manifolds()) {
            for (String method : METHODS) {
                Map<String, Object> st = s.map();
                st.put("manifold", m);
                st.put("method", method);
                c.add(SweepCell.of(SECTION + ":" + m + ":" + method + ":" + s.key(), st));
            }
        }
        return c;
    }

    /** The autoencoder of a method label (sild, vae:kl=W, ae). */
    static AutoencoderSpec autoencoder(Settings s, String method) {
        Objective o = Objective.parse(method.startsWith("vae") ? "vae" : method);
        double kl = o == Objective.VAE ? Double.parseDouble(method.substring(method.indexOf('=') + 1)) : 0;
        return new AutoencoderSpec("mlp", s.dim(), null, s.latentDim(), s.width(), 1, o, kl, s.sigmaMin(), s.sigmaMax());
    }

    /** Computes one cell; models go to {@code dir} (resumable inside training). */
    static Map<String, Object> compute(Settings s, String manifold, String method, Path dir, Device device, int threads) throws Exception {
        DataManifold m = CollapseCells.manifold(manifold, s.dim(), s.seed());
        int d = m.dim();
        double[] train = m.sample(s.seed() + 11, s.nTrain()), held = m.sample(s.seed() + 12, s.nHeldOut());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("section", SECTION);
        r.put("manifold", manifold);
        r.put("k", m.intrinsicDim());
        r.put("D", d);
        r.put("method", method);
        long t0 = System.nanoTime();
        double[] samples, latents = null;
        if (method.equals("data")) {
            samples = m.sample(s.seed() + 13, s.nSamples());
            r.put("recon_mse", Double.NaN);
            r.put("stage1_rank", Double.NaN);
        } else {
            LatentData data = new LatentData(train, held, d, null, manifold + " in R^" + d);
            Stage1Config s1 = new Stage1Config(s.stage1Steps(), 128, new LrSchedule("cosine", 3e-3, Math.min(30, s.stage1Steps() / 10), 0.05),
                    1.0, s.seed(), Math.max(100, s.stage1Steps() / 4));
            NetworkSpec net = new NetworkSpec(Architecture.MLP, s.latentDim(), s.stage2Width(), 3, Activation.GELU,
                    NetworkSpec.DEFAULT_PARAMETERISATION, NoiseEmbedding.DEFAULT);
            new LatentTraining(autoencoder(s, method), s1, net, stage2(s.stage2Steps(), s.seed(), 2e-3, 0.995)).run(data, dir, device, Map.of("experiment", "reproduce sild (synthetic)"), null);
            try (LatentModel lm = LatentModel.load(dir, device)) {
                r.put("recon_mse", Reconstruction.mse(held, lm.reconstruct(held, s.nHeldOut())));
                latents = lm.encode(held, s.nHeldOut());
                samples = lm.sample(new AffineSampler(Designs.parse("li-yan").plan(Schedules.parse("li-yan", s.samplingSteps())), true),
                        s.seed(), s.nSamples(), threads, null);
                CollapseStudy study = new CollapseStudy(8, 0, CollapseCells.TAU, 1e-3, s.seed());
                r.put("stage1_rank", study.run(m, new double[] {0}, x -> new AutoencoderDenoiser(lm.autoencoder())).get(0).rank());
            }
        }
        double[] dist = ManifoldDistance.distances(m, samples, s.nSamples(), threads);
        double mean = 0;
        for (double v : dist) mean += v / dist.length;
        double[] sorted = dist.clone();
        java.util.Arrays.sort(sorted);
        r.put("manifold_distance", mean);
        r.put("manifold_distance_median", sorted[sorted.length / 2]);
        r.put("sw", SampleDistances.slicedWasserstein(samples, s.nSamples(), held, s.nHeldOut(), d, 200, s.seed()));
        r.put("mmd", SampleDistances.mmd2(samples, s.nSamples(), held, s.nHeldOut(), d, 1000));
        r.put("id_latent", latents == null ? Double.NaN : id(ID_MAIN, latents, s.nHeldOut(), s.latentDim(), threads, s.seed()));
        r.put("id_latent_mle", latents == null ? Double.NaN : id(ID_ALT, latents, s.nHeldOut(), s.latentDim(), threads, s.seed()));
        r.put("id_samples", id(ID_MAIN, samples, s.nSamples(), d, threads, s.seed()));
        r.put("id_samples_mle", id(ID_ALT, samples, s.nSamples(), d, threads, s.seed()));
        r.put("latent_dim", method.equals("data") ? Double.NaN : s.latentDim());
        r.put("seconds", (System.nanoTime() - t0) * 1e-9);
        return r;
    }

    /**
     * DSM settings of a stage-2 (or plain) score network [ours]: batch 256, cosine learning rate from {@code lr} with
     * warm-up min(100, steps / 10), clip 1, EMA {@code ema}, one evaluation at the end, checkpoints every quarter.
     */
    static TrainConfig stage2(int steps, long seed, double lr, double ema) {
        return TrainConfig.defaults().withSteps(steps).withIntervals(steps, Math.max(100, steps / 4)).withSeed(seed)
                .withOptimiser(256, new LrSchedule("cosine", lr, Math.min(100, steps / 10), 0.05), 1.0, ema)
                .withValidation(0.05, 10, 256);
    }

    /** An intrinsic-dimension estimate, NaN where the estimator refuses the cloud (e.g. duplicate points). */
    static double id(String estimator, double[] x, int n, int dim, int threads, long seed) {
        try {
            return Estimators.byName(estimator, seed).estimate(new PointCloud(x, n, dim, threads)).global();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
