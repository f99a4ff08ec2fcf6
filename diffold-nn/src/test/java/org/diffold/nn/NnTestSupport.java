package org.diffold.nn;

import ai.djl.Device;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Target;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.LossWeighting;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.TrainingData;

/** Small, fast fixtures shared by the engine tests (one PyTorch thread, fixed seeds). */
final class NnTestSupport {
    private NnTestSupport() {}

    static Device cpu() {
        NnRuntime.engine(1);
        return Device.cpu();
    }

    /** N(0, I_2) in R^2: the Gaussian "subspace" target with k = D = 2 (exact score -x / m_t, docs/math.md §5). */
    static Target gaussian2d() {
        return new GaussianSubspaceTarget(Subspace.coordinate(2, 2), 1.0);
    }

    static TrainingData data(Target target, int n, long seed) {
        double[] rows = new double[n * target.dim()];
        target.sample(new RandomStreams(seed), 0, n, rows);
        return new TrainingData(rows, target.dim(), 0.1, seed, target.name() + " n=" + n);
    }

    /** A small config: T = 100 li-yan levels, constant-after-warm-up Adam, clipping and EMA on. */
    static TrainConfig small(int steps, int batch) {
        return TrainConfig.defaults().withSteps(steps).withIntervals(0, 0)
                .withOptimiser(batch, new LrSchedule("cosine", 3e-3, 20, 0.1), 1.0, 0.99)
                .withProcess("discrete", "li-yan", 100, 1e-5, 6, "log-uniform", LossWeighting.SIGMA2)
                .withValidation(0.1, 10, 64);
    }
}
