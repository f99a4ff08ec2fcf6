package org.diffold.lab.experiment.sild;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.collapse.CollapseStudy;
import org.diffold.core.collapse.ScoreDenoiser;
import org.diffold.core.manifold.DataManifold;
import org.diffold.lab.store.SweepCell;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.score.NetworkScore;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;

/**
 * The learned collapse versus sigma (docs/math.md §7.3): a DSM-trained MLP score s_theta on points of each curved
 * manifold in R^D gives the learned denoiser D_sigma(x) = x + sigma^2 s_theta(x) (the VE form of the VP network
 * score, {@link ScoreDenoiser}); its Jacobian (central differences, step {@value #STEP}) is measured by the same
 * {@link CollapseStudy} probes, sigmas and rank threshold as the exact denoiser of {@link CollapseCells#exact}, so the
 * two curves sit side by side. Settings are ours.
 */
final class LearnedCollapseCells {
    /** Section tag of these cells' results. */
    static final String SECTION = "collapse-dsm";
    /** Finite-difference step for the float32 network [ours]. */
    static final double STEP = 1e-3;

    private LearnedCollapseCells() {}

    /**
     * Settings [ours].
     *
     * @param nTrain training points of M
     * @param width MLP width (depth 3, edm parameterisation)
     * @param steps DSM steps (batch 256)
     */
    record Settings(int nTrain, int width, int steps) {
        static Settings of(SildConfig cfg) {
            return cfg.quick() ? new Settings(2000, 64, 500) : new Settings(5000, 128, 4000);
        }
    }

    /** One cell per manifold of the exact figures. */
    static List<SweepCell> cells(SildConfig cfg, Settings s) {
        List<SweepCell> c = new ArrayList<>();
        for (String m : SildConfig.MANIFOLDS) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("kind", SECTION);
            st.put("manifold", m);
            st.put("D", cfg.collapseDim());
            st.put("sigmas", cfg.collapseSigmas());
            st.put("probes", cfg.collapseProbes());
            st.put("nTrain", s.nTrain());
            st.put("width", s.width());
            st.put("steps", s.steps());
            st.put("seed", cfg.seed());
            c.add(SweepCell.of(SECTION + ":" + m + ":D=" + cfg.collapseDim() + ":n=" + cfg.collapseSigmas() + ":p=" + cfg.collapseProbes()
                    + ":N=" + s.nTrain() + ":w=" + s.width() + ":steps=" + s.steps() + ":seed=" + cfg.seed(), st));
        }
        return c;
    }

    /** Trains the DSM MLP on M and measures its denoiser's Jacobian at the exact study's probes and sigmas. */
    static Map<String, Object> compute(SildConfig cfg, Settings s, String name, Device device) throws Exception {
        DataManifold m = CollapseCells.manifold(name, cfg.collapseDim(), cfg.seed());
        int d = m.dim();
        TrainingData td = new TrainingData(m.sample(cfg.seed() + 21, s.nTrain()), d, 0.05, cfg.seed(), name + " in R^" + d);
        TrainConfig tc = SyntheticCells.stage2(s.steps(), cfg.seed(), 2e-3, 0.995);
        try (Trainer t = Trainer.create(NetworkSpec.mlp(d, s.width(), 3), tc, td, device, null, Map.of())) {
            t.train(null, null);
            NetworkScore score = new NetworkScore(t.evaluationNetwork());
            CollapseStudy study = new CollapseStudy(cfg.collapseProbes(), CollapseCells.DELTA, CollapseCells.TAU, STEP, cfg.seed());
            List<CollapseStudy.Row> rows = study.run(m, CollapseStudy.logSpaced(1e-3, 1, cfg.collapseSigmas()), sg -> new ScoreDenoiser(score, sg));
            Map<String, Object> r = CollapseCells.rows(m, name, rows);
            r.put("section", SECTION);
            r.put("source", "learned");
            r.put("denoiser", "dsm-mlp");
            r.put("steps", s.steps());
            r.put("width", s.width());
            return r;
        }
    }
}
