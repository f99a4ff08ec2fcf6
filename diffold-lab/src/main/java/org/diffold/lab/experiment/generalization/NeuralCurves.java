package org.diffold.lab.experiment.generalization;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.metrics.ManifoldDistance;
import org.diffold.core.metrics.Memorization;
import org.diffold.core.metrics.SampleSets;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.score.NetworkScore;
import org.diffold.nn.train.LossWeighting;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;

/**
 * The neural family (docs/math.md §6): an MLP (depth 3, {@code edm-pca} parameterisation) trained by DSM on the same
 * N points with the project's trainer, continuous OU times log-uniform on [max(1e-4, delta), 6], batch 256, Adam 1e-3 cosine
 * [ours]. At geometric checkpoints S / 2^j along training it samples and records the distance to the manifold and the
 * memorized fraction (the training-time curves); the last checkpoint's samples are the cell's samples.
 */
final class NeuralCurves {
    /** The curve (one map per checkpoint), the final samples and the training time. */
    record Result(List<Map<String, Object>> curve, double[] finalSamples, double trainSeconds, String settings) {}

    /** Peak Adam learning rate [ours]. */
    static final double LEARNING_RATE = 1e-3;
    /** Smallest OU training time [ours] (training from delta = 1e-6 stalled in our runs); below it the network extrapolates. */
    static final double T_MIN = 1e-4;

    private NeuralCurves() {}

    /** The training settings shared by every network of the experiment (see the class comment) [ours]. */
    static TrainConfig trainConfig(GeneralizationConfig cfg) {
        int steps = cfg.neuralSteps();
        return TrainConfig.defaults().withSteps(steps).withSeed(cfg.seed()).withIntervals(steps, 0)
                .withOptimiser(256, new LrSchedule("cosine", LEARNING_RATE, Math.min(200, steps / 10), 0.05), 1.0, 0.999)
                .withProcess("continuous", "li-yan", 1000, Math.max(T_MIN, cfg.delta()), 6, "log-uniform", LossWeighting.SIGMA2)
                .withValidation(0, 1, 2);
    }

    /**
     * Trains the Fashion-MNIST network ({@link FashionCells#NETWORK}, a U-Net with the scalar {@code edm}
     * preconditioning since N may be below D) on {@code n} image rows with this experiment's noise process and returns
     * {@code ns} samples of it [ours].
     */
    static double[] trainAndSample(GeneralizationConfig cfg, double[] train, int n, int d, String name, RandomStreams s, int ns,
                                   GeneralizationExperiment experiment) throws Exception {
        TrainingData data = new TrainingData(train, d, 0, cfg.seed(), name);
        NetworkSpec spec = FashionCells.NETWORK.spec(org.diffold.nn.image.ImageShape.FASHION_MNIST);
        TrainConfig tc = FashionCells.NETWORK.apply(trainConfig(cfg)).withIntervals(FashionCells.NETWORK.steps(), 0);
        try (Trainer trainer = Trainer.create(spec, tc, data, Device.cpu(), null, Map.of("experiment", GeneralizationConfig.EXPERIMENT))) {
            trainer.trainUntil(tc.steps(), null, null);
            return experiment.sample(new NetworkScore(trainer.evaluationNetwork()), s, ns);
        }
    }

    static Result train(GeneralizationConfig cfg, DataManifold m, double[] train, int n, RandomStreams s, int threads,
                        GeneralizationExperiment experiment) throws Exception {
        int d = m.dim(), steps = cfg.neuralSteps();
        TrainingData data = new TrainingData(train, d, 0, cfg.seed(), m.name() + " D=" + d + " N=" + n);
        TrainConfig tc = trainConfig(cfg);
        NetworkSpec spec = NetworkSpec.mlp(d, cfg.neuralWidth(), 3).with(Parameterisation.parse("edm-pca"));
        List<Map<String, Object>> curve = new ArrayList<>();
        double[] y = null;
        double trainSeconds = 0;
        try (Trainer trainer = Trainer.create(spec, tc, data, Device.cpu(), null, Map.of("experiment", GeneralizationConfig.EXPERIMENT))) {
            for (int c = cfg.checkpoints() - 1; c >= 0; c--) {
                int until = Math.max(1, steps >> c);
                long t0 = System.nanoTime();
                trainer.trainUntil(until, null, null);
                trainSeconds += (System.nanoTime() - t0) * 1e-9;
                int ns = c == 0 ? cfg.samples() : Math.min(cfg.samples(), 256);
                y = experiment.sample(new NetworkScore(trainer.evaluationNetwork()), s, ns);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("step", until);
                p.put("train_seconds", trainSeconds);
                p.put("loss", trainer.history().meanLoss(Math.max(0, until - 100), until));
                p.put("manifold_distance", SampleSets.quantile(ManifoldDistance.distances(m, y, ns, threads), 0.5));
                Memorization mem = Memorization.measure(y, ns, train, n, d, threads);
                p.put("memorized_fraction", mem.memorizedFraction());
                p.put("nn_distance_median", mem.nearestQuantile(0.5));
                curve.add(p);
            }
        }
        return new Result(curve, y, trainSeconds, "mlp " + cfg.neuralWidth() + "x3 edm-pca, " + steps + " steps");
    }
}
