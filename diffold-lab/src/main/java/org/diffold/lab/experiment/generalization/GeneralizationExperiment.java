package org.diffold.lab.experiment.generalization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.metrics.CellMassRatio;
import org.diffold.core.metrics.Coverage;
import org.diffold.core.metrics.ManifoldDistance;
import org.diffold.core.metrics.Memorization;
import org.diffold.core.metrics.SampleDistances;
import org.diffold.core.metrics.SampleSets;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.ExponentialIntegratorScheme;
import org.diffold.core.sampler.Sampler;
import org.diffold.core.score.Score;
import org.diffold.core.score.empirical.TrainingPanels;
import org.diffold.lab.store.SweepCell;

/**
 * Generalization before memorization (Shen, Hsieh and He, arXiv 2603.23792; docs/math.md §6): for each manifold, D, N
 * and score family, sample n points with the exponential integrator on the Benton grid down to the stopping time
 * delta, finish with the Tweedie step, and measure memorization (ratio rule), the nearest-training distance, the
 * distance to the true manifold, the coverage scale delta*, the generated / true mass ratio over cells, and sliced
 * Wasserstein and MMD against held-out data. Data of (manifold, D) come from streams keyed by their names, so a cell's
 * numbers do not depend on which other cells run; the training sets are nested in N.
 */
public final class GeneralizationExperiment {
    /** Held-out rows for SW and MMD. */
    static final int HELD_OUT = 512;
    private final GeneralizationConfig cfg;
    private final int threads;

    /** @param threads worker threads (results do not depend on them) */
    public GeneralizationExperiment(GeneralizationConfig cfg, int threads) {
        this.cfg = cfg;
        this.threads = threads;
    }

    /** The configuration. */
    public GeneralizationConfig config() { return cfg; }

    /** Worker threads. */
    int threads() { return threads; }

    /** Every manifold cell, in report order. */
    public List<SweepCell> cells() {
        List<SweepCell> out = new ArrayList<>();
        for (String m : cfg.manifolds()) {
            for (int d : cfg.dims()) {
                for (String f : cfg.families()) {
                    boolean neural = f.equals("neural");
                    if (neural && (!cfg.neuralManifolds().contains(m) || d != cfg.neuralDim())) continue;
                    for (int n : neural ? cfg.neuralSizes() : cfg.sizes()) {
                        out.add(SweepCell.of(cfg.cellKey(m, d, n, f), cfg.cellSettings(m, d, n, f)));
                    }
                }
            }
        }
        return out;
    }

    /** The streams of one (manifold, D). */
    RandomStreams streams(String manifold, int dim) {
        return new RandomStreams(cfg.seed()).child(manifold + "/D=" + dim);
    }

    /** The training set of N points (nested in N). */
    double[] training(DataManifold m, RandomStreams s, int n) {
        double[] x = new double[n * m.dim()];
        m.sample(s.child("train"), 0, n, x);
        return x;
    }

    /** The sampler of every cell. */
    Sampler sampler() {
        return new ExponentialIntegratorScheme().sampler(TimeGrids.benton(6, cfg.delta(), cfg.steps()), true);
    }

    /** Computes one cell. */
    public Map<String, Object> compute(SweepCell cell) throws Exception {
        Map<String, Object> st = cell.settings();
        String name = (String) st.get("manifold"), family = (String) st.get("score");
        int d = ((Number) st.get("D")).intValue(), n = ((Number) st.get("N")).intValue();
        DataManifold m = cfg.manifold(name, d);
        RandomStreams s = streams(name, d);
        double[] train = training(m, s, n);
        long t0 = System.nanoTime();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("k", m.intrinsicDim());
        double[] y;
        if (family.equals("neural")) {
            NeuralCurves.Result nr = NeuralCurves.train(cfg, m, train, n, s, threads, this);
            y = nr.finalSamples();
            r.put("settings", nr.settings());
            r.put("train_seconds", nr.trainSeconds());
            r.put("curve", nr.curve());
        } else if (family.equals("true")) {
            y = new double[cfg.samples() * d];
            m.sample(s.child("fresh"), 0, cfg.samples(), y);
            r.put("settings", "fresh samples of the data law");
        } else {
            ScoreFamilies.Built b = ScoreFamilies.build(family, new TrainingPanels(train, n, d), m.intrinsicDim(), threads, cfg.seed());
            r.put("settings", b.settings());
            y = sample(b.score(), s, cfg.samples());
        }
        r.putAll(metrics(m, s, y, cfg.samples(), train, n));
        r.put("seconds", (System.nanoTime() - t0) * 1e-9);
        return r;
    }

    /** n samples of the score from the cell's sampling streams. */
    double[] sample(Score score, RandomStreams s, int n) {
        double[] y = new double[n * score.dim()];
        sampler().sample(score, s.child("sample"), 0, n, y, threads, null);
        return y;
    }

    /** The memorization, fidelity and coverage metrics of n samples y. */
    Map<String, Object> metrics(DataManifold m, RandomStreams s, double[] y, int n, double[] train, int nTrain) {
        int d = m.dim();
        double[] ref = new double[cfg.reference() * d], anchors = new double[cfg.anchors() * d], held = new double[HELD_OUT * d];
        m.sample(s.child("reference"), 0, cfg.reference(), ref);
        m.sample(s.child("anchors"), 0, cfg.anchors(), anchors);
        m.sample(s.child("held-out"), 0, HELD_OUT, held);
        Map<String, Object> r = new LinkedHashMap<>();
        Memorization mem = Memorization.measure(y, n, train, nTrain, d, threads);
        r.put("memorized_fraction", mem.memorizedFraction());
        r.put("nn_distance_median", mem.nearestQuantile(0.5));
        double[] md = ManifoldDistance.distances(m, y, n, threads);
        r.put("manifold_distance", SampleSets.quantile(md, 0.5));
        r.put("manifold_distance_q90", SampleSets.quantile(md, 0.9));
        r.put("coverage_delta", Coverage.measure(anchors, cfg.anchors(), ref, cfg.reference(), y, n, d, Coverage.DEFAULT_ALPHA,
                Coverage.DEFAULT_C, threads).coverageDelta());
        CellMassRatio.Result cm = CellMassRatio.measure(anchors, cfg.cells(), ref, cfg.reference(), y, n, d, threads);
        r.put("mass_ratio_min", cm.min());
        r.put("mass_ratio_max", cm.max());
        r.put("sw", SampleDistances.slicedWasserstein(y, n, held, HELD_OUT, d, 100, cfg.seed()));
        r.put("mmd2", SampleDistances.mmd2(y, n, held, HELD_OUT, d, HELD_OUT));
        return r;
    }
}
