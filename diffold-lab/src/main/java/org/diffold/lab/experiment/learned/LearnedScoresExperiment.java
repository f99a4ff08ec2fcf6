package org.diffold.lab.experiment.learned;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.score.Score;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Targets;
import org.diffold.lab.store.SweepCell;
import org.diffold.nn.eval.ComplementKl;
import org.diffold.nn.eval.SampleDistances;
import org.diffold.nn.eval.ScoreError;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.score.NetworkScore;
import org.diffold.nn.train.LossWeighting;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.diffold.nn.train.TrainingHistory;

/**
 * Learned scores as D grows with k fixed: for each D, train the same network with the same budget by DSM on a
 * k = 8 Gaussian mixture on a random subspace (docs/math.md §5), then measure
 * eps_score^2 (docs/math.md §4.4, every t of the sampling schedule) and the error of the {@code li-yan} and
 * {@code classic} samplers run with the learned score and, for reference, with the exact score: complement-block KL
 * from sample covariances ({@link ComplementKl}, docs/math.md §4.1), sliced Wasserstein and MMD against fresh samples
 * of X_1. One sweep cell per D.
 */
public final class LearnedScoresExperiment {
    private final LearnedScoresConfig cfg;
    private final int threads;

    /** @param threads Java sampler threads (PyTorch threads are set when the engine loads) */
    public LearnedScoresExperiment(LearnedScoresConfig cfg, int threads) {
        this.cfg = cfg;
        this.threads = threads;
    }

    /** The configuration. */
    public LearnedScoresConfig config() { return cfg; }

    /** One cell per D, in report order. */
    public List<SweepCell> cells() {
        List<SweepCell> out = new ArrayList<>();
        for (int d : cfg.dims()) out.add(SweepCell.of(cfg.cellKey(d), cfg.cellSettings(d)));
        return out;
    }

    /** Computes the cell of the D in its settings. */
    public Map<String, Object> compute(SweepCell cell) throws Exception {
        int d = ((Number) cell.settings().get("D")).intValue();
        RandomStreams root = new RandomStreams(cfg.seed()).child("D=" + d);
        SubspaceTarget target = Targets.parse(cfg.targetSpec(), d, cfg.k(), cfg.seed());
        double[] rows = new double[cfg.trainRows() * d];
        target.sample(root.child("train-data"), 0, cfg.trainRows(), rows);
        TrainingData data = new TrainingData(rows, d, 0.1, cfg.seed(), cfg.targetSpec() + " D=" + d + " N=" + cfg.trainRows());
        TrainConfig tc = TrainConfig.defaults().withSteps(cfg.steps()).withSeed(cfg.seed())
                .withIntervals(Math.max(1, cfg.steps() / 5), 0)
                .withOptimiser(cfg.batch(), new LrSchedule("cosine", 1e-3, Math.min(200, cfg.steps() / 10), 0.05), 1.0, 0.999)
                .withProcess("discrete", "li-yan", 1000, 1e-5, 6, "log-uniform", LossWeighting.SIGMA2)
                .withValidation(0.1, 20, Math.max(2, cfg.errorSamples()));
        NoiseSchedule schedule = Schedules.parse("li-yan", cfg.sampleSteps());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("D", d);
        long t0 = System.nanoTime();
        try (Trainer trainer = Trainer.create(NetworkSpec.mlp(d, cfg.width(), cfg.depth())
                .with(Parameterisation.parse(cfg.parameterisation())), tc, data, Device.cpu(), target,
                Map.of("experiment", LearnedScoresConfig.EXPERIMENT))) {
            trainer.train(null, null);
            r.put("trainSeconds", (System.nanoTime() - t0) * 1e-9);
            List<TrainingHistory.EvalRecord> evals = trainer.history().evaluations();
            TrainingHistory.EvalRecord last = evals.get(evals.size() - 1);
            r.put("trainLoss", num(last.trainLoss()));
            r.put("validationLoss", num(last.validationLoss()));
            r.put("lossCurve", curve(trainer.history(), cfg.steps()));
            r.put("sigmaData", num(trainer.spec().sigmaData()));
            NetworkScore learned = new NetworkScore(trainer.evaluationNetwork());
            ScoreError.Estimate e = ScoreError.liYan(target, learned, schedule, schedule.steps(), cfg.errorSamples(),
                    RandomStreams.mix64(cfg.seed() + d));
            r.put("epsScore2", e.mean());
            r.put("epsScore2StdErr", e.standardError());
            r.put("noiseError", e.noiseSpace());
            r.put("epsScore2PerLevel", toList(e.perLevel()));
            NoiseLevel out = schedule.level(1);
            double[] reference = new double[cfg.samples() * d];
            target.sampleNoised(out, root.child("reference"), 0, cfg.samples(), reference);
            for (String design : cfg.designs()) {
                StepPlan plan = Designs.parse(design).plan(schedule);
                metrics(r, design + ".learned", plan, learned, target, reference, root.child("sample-" + design), d);
                metrics(r, design + ".exact", plan, target.score(), target, reference, root.child("sample-" + design), d);
            }
        }
        return r;
    }

    private void metrics(Map<String, Object> r, String prefix, StepPlan plan, Score score, SubspaceTarget target,
                         double[] reference, RandomStreams streams, int d) {
        int n = cfg.samples();
        double[] y = new double[n * d];
        new AffineSampler(plan, false).sample(score, streams, 0, n, y, threads, null);
        ComplementKl kl = ComplementKl.estimate(target.subspace(), plan.outputLevel().sigma2(), y, n);
        r.put(prefix + ".klPerpIso", num(kl.iso()));
        r.put(prefix + ".klPerpCov", num(kl.cov())); // null where n <= D - k + 2 (covariance not invertible)
        r.put(prefix + ".tvPerpIso", num(kl.tvIso()));
        r.put(prefix + ".perpVariance", kl.variance());
        r.put(prefix + ".sw", SampleDistances.slicedWasserstein(y, n, reference, n, d, 200, cfg.seed()));
        r.put(prefix + ".mmd2", SampleDistances.mmd2(y, n, reference, n, d, 1000));
    }

    /** JSON has no NaN: missing values are null. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<List<Double>> curve(TrainingHistory h, int steps) {
        int points = Math.min(100, steps), window = Math.max(1, steps / points);
        List<List<Double>> out = new ArrayList<>();
        for (int end = window; end <= steps; end += window) out.add(List.of((double) end, h.meanLoss(end - window, end)));
        return out;
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>(v.length);
        for (double x : v) l.add(x);
        return l;
    }
}
