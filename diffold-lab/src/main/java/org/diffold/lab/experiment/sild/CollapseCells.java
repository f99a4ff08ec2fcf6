package org.diffold.lab.experiment.sild;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.collapse.CollapseStudy;
import org.diffold.core.collapse.JacobianSpectrum;
import org.diffold.core.collapse.ScoreDenoiser;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.manifold.Manifolds;
import org.diffold.core.metrics.fidelity.Reconstruction;
import org.diffold.core.target.Target;
import org.diffold.nn.latent.AutoencoderDenoiser;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.Objective;
import org.diffold.nn.latent.Stage1Config;
import org.diffold.nn.latent.Stage1Trainer;
import org.diffold.nn.train.LrSchedule;

/**
 * The collapse cells of {@code reproduce sild} (docs/math.md §7): the exact denoiser's Jacobian spectrum, rank and
 * distance to the projection versus sigma on the curved manifolds in R^D, and the learned SiLD stage-1 denoiser's
 * spectrum on the circle.
 */
final class CollapseCells {
    /** Rank threshold tau of the figures [ours]. */
    static final double TAU = 0.1;
    /** Probe offset from the manifold [ours]. */
    static final double DELTA = 0.05;

    private CollapseCells() {}

    /** The manifold of a name in R^D (its exact score is the target's). */
    static DataManifold manifold(String name, int dim, long seed) {
        return Manifolds.parse(name, dim, seed);
    }

    /** Exact collapse: per sigma the rank, singular values 1-3 and the distance to the projection. */
    static Map<String, Object> exact(SildConfig cfg, String name) {
        DataManifold m = manifold(name, cfg.collapseDim(), cfg.seed());
        Target t = (Target) m;
        CollapseStudy study = new CollapseStudy(cfg.collapseProbes(), DELTA, TAU, 1e-5, cfg.seed());
        double[] sigmas = CollapseStudy.logSpaced(1e-3, 1, cfg.collapseSigmas());
        return rows(m, name, study.run(m, sigmas, s -> new ScoreDenoiser(t.score(), s)));
    }

    /** A study's rows as a cell result: manifold, k, D and per sigma the rank, mean rank, |D - pi| and s1-s3. */
    static Map<String, Object> rows(DataManifold m, String name, List<CollapseStudy.Row> rows) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("manifold", name);
        r.put("k", m.intrinsicDim());
        r.put("D", m.dim());
        List<Double> sg = new ArrayList<>(), mr = new ArrayList<>(), dist = new ArrayList<>(), s1 = new ArrayList<>(), s2 = new ArrayList<>(), s3 = new ArrayList<>();
        List<Integer> rank = new ArrayList<>();
        for (CollapseStudy.Row row : rows) {
            sg.add(row.sigma());
            rank.add(row.rank());
            mr.add(row.meanRank());
            dist.add(row.projectionDistance());
            s1.add(row.singularValues()[0]);
            s2.add(row.singularValues()[1]);
            s3.add(row.singularValues()[2]);
        }
        r.put("sigma", sg);
        r.put("rank", rank);
        r.put("mean_rank", mr);
        r.put("distance", dist);
        r.put("sv1", s1);
        r.put("sv2", s2);
        r.put("sv3", s3);
        return r;
    }

    /** SiLD stage 1 (MLP, k = 2) on the circle in R^D: held-out reconstruction and the learned Jacobian on M. */
    static Map<String, Object> learnedCircle(SildConfig cfg, Device device) throws Exception {
        DataManifold m = manifold("circle", cfg.collapseDim(), cfg.seed());
        int d = m.dim();
        double[] train = m.sample(cfg.seed() + 1, 2000), held = m.sample(cfg.seed() + 2, 200);
        LatentData data = new LatentData(train, held, d, null, "circle in R^" + d);
        AutoencoderSpec spec = new AutoencoderSpec("mlp", d, null, 2, 64, 1, Objective.SILD, 0, 0.01, 0.2);
        Stage1Config s1 = new Stage1Config(cfg.learnedCircleSteps(), 128, new LrSchedule("cosine", 3e-3, 30, 0.05), 1.0, cfg.seed(), 0);
        try (Stage1Trainer t = Stage1Trainer.create(spec, s1, data, device, Map.of())) {
            t.train(null, null);
            double[] rec = t.network().decodeRows(t.network().encodeRows(held, 200, 200), 200, 200);
            CollapseStudy study = new CollapseStudy(cfg.collapseProbes() * 2, 0, 0.3, 1e-3, cfg.seed());
            CollapseStudy.Row row = study.run(m, new double[] {0}, s -> new AutoencoderDenoiser(t.network())).get(0);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("manifold", "circle");
            r.put("k", 1);
            r.put("latent_dim", 2);
            r.put("steps", cfg.learnedCircleSteps());
            r.put("recon_mse", Reconstruction.mse(held, rec));
            r.put("rank", row.rank());
            r.put("tau", 0.3);
            r.put("singular_values", head(row.singularValues(), 4));
            r.put("distance", row.projectionDistance());
            return r;
        }
    }

    /** The first n values. */
    static List<Double> head(double[] v, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, v.length); i++) out.add(v[i]);
        return out;
    }

    /** Singular values of a learned denoiser's Jacobian at one image (float32 differences, step 1e-2). */
    static double[] spectrum(org.diffold.core.collapse.Denoiser f, double[] x) {
        return JacobianSpectrum.singularValues(f, x, 1e-2);
    }

    /**
     * The same spectrum for the score denoiser D_sigma(x) = (y + s^2 s(y)) / c, y = c x ({@link org.diffold.core.collapse.ScoreDenoiser}),
     * with all 2D perturbed rows of the central differences in one batched score call: a network score evaluates them in
     * full blocks instead of one padded block per row. A row's score does not depend on the batch, so the values equal
     * {@code spectrum(new ScoreDenoiser(score, sigma), x)}.
     */
    static double[] scoreSpectrum(org.diffold.core.score.Score score, double sigma, double[] x) {
        int d = x.length;
        double h = 1e-2;
        org.diffold.core.process.NoiseLevel level = org.diffold.core.collapse.ScoreDenoiser.veLevel(sigma);
        double c = level.c(), s2 = level.sigma2();
        double[] y = new double[2 * d * d], s = new double[2 * d * d];
        for (int col = 0; col < d; col++) {
            for (int k = 0; k < 2; k++) {
                int off = (2 * col + k) * d;
                for (int j = 0; j < d; j++) y[off + j] = c * (j == col ? (k == 0 ? x[j] + h : x[j] - h) : x[j]);
            }
        }
        score.evaluator().score(level, y, s, 0, 2 * d);
        double[][] jac = new double[d][d];
        for (int col = 0; col < d; col++) {
            int p = 2 * col * d, m = (2 * col + 1) * d;
            for (int r = 0; r < d; r++) {
                double plus = (y[p + r] + s2 * s[p + r]) / c, minus = (y[m + r] + s2 * s[m + r]) / c;
                jac[r][col] = (plus - minus) / (2 * h);
            }
        }
        return JacobianSpectrum.singularValues(jac);
    }
}
