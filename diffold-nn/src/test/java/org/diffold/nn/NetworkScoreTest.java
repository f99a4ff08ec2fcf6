package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.score.Score;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.ScoreNetwork;
import org.diffold.nn.net.WhiteningEstimator;
import org.diffold.nn.score.NetworkScore;
import org.junit.jupiter.api.Test;

/** The adapter's batched output equals its single-row output (the {@link Score} contract). */
class NetworkScoreTest {
    @Test
    void batchedEqualsSingleRowForEveryParameterisation() {
        int d = 7, n = 45; // 45 rows: one full block of 32 and a padded block of 13
        double[] x = new double[n * d];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < x.length; i++) x[i] = 2 * rng.nextGaussian();
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(-0.3);
        for (Parameterisation p : Parameterisation.values()) {
            try (ScoreNetwork net = ScoreNetwork.initialise(NetworkSpec.mlp(d, 48, 3).with(p).withSigmaData(1.3)
                    .withWhitening(p.needsWhitening() ? WhiteningEstimator.estimate(x, d, 3) : null), NnTestSupport.cpu(), 1)) {
                Score.Evaluator ev = new NetworkScore(net).evaluator();
                double[] batched = new double[n * d], single = new double[n * d];
                ev.score(level, x, batched, 0, n);
                for (int i = 0; i < n; i++) ev.score(level, x, single, i, i + 1);
                assertArrayEquals(batched, single, 0.0, p.cliName()); // delta 0: bit-identical
                double[] split = new double[n * d];
                ev.score(level, x, split, 0, 17);
                ev.score(level, x, split, 17, n);
                assertArrayEquals(batched, split, 0.0, p.cliName());
            }
        }
    }

    @Test
    void samplesWithCoreSamplerIdenticallyForAnyThreadCount() {
        try (ScoreNetwork net = ScoreNetwork.initialise(NetworkSpec.mlp(3, 16, 2).withSigmaData(0.8), NnTestSupport.cpu(), 2)) {
            AffineSampler sampler = new AffineSampler(Designs.parse("li-yan").plan(Schedules.parse("li-yan", 20)), false);
            double[] a = new double[70 * 3], b = new double[70 * 3];
            sampler.sample(new NetworkScore(net), new RandomStreams(5), 0, 70, a, 1, null);
            sampler.sample(new NetworkScore(net), new RandomStreams(5), 0, 70, b, 2, null);
            assertArrayEquals(a, b, 0.0);
            assertEquals(3, new NetworkScore(net).dim());
        }
    }
}
