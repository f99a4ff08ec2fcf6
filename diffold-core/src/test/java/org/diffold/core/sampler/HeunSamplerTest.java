package org.diffold.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Mixture1D;
import org.diffold.core.target.ProductSubspaceTarget;
import org.junit.jupiter.api.Test;

class HeunSamplerTest {
    /** Output / input of the deterministic Heun map for a 1-D Gaussian target N(0, lambda) (the map is linear). */
    private static double gain(TimeGrid g, double lambda) {
        Score s = new GaussianSubspaceTarget(Subspace.coordinate(1, 1), lambda).score();
        RandomStreams streams = new RandomStreams(11);
        double[] out = new double[1];
        new HeunSampler(g, false).sample(s, streams, 0, 1, out, 1, null);
        return out[0] / streams.normals(0).next();
    }

    @Test
    void heunIsSecondOrderOnAGaussianTarget() {
        // The PF-ODE flow of N(0, lambda) maps Y_T to Y_delta = sqrt(v_delta / v_T) Y_T, v_t = lambda e^{-2t} + 1 - e^{-2t}
        // (docs/math.md §1.2); Heun's global error must fall ~4x when the uniform step halves.
        double lambda = 0.05, horizon = 3, delta = 0.05;
        double exact = Math.sqrt((lambda * Math.exp(-2 * delta) - Math.expm1(-2 * delta)) / (lambda * Math.exp(-2 * horizon) - Math.expm1(-2 * horizon)));
        double e1 = Math.abs(gain(org.diffold.core.grid.TimeGrids.uniform(horizon, delta, 100), lambda) - exact);
        double e2 = Math.abs(gain(org.diffold.core.grid.TimeGrids.uniform(horizon, delta, 200), lambda) - exact);
        double order = Math.log(e1 / e2) / Math.log(2);
        assertEquals(2, order, 0.15, "observed order " + order);
    }

    @Test
    void bitIdenticalForAnyBatchSplitAndThreadCount() {
        TimeGrid g = PotaptchikGrid.of(0.2, 10, 15).grid();
        ProductSubspaceTarget t = new ProductSubspaceTarget(Subspace.coordinate(6, 2), Mixture1D.defaultFactor());
        for (Sampler sampler : new Sampler[] {new HeunSampler(g, true), new DdpmPosteriorScheme().sampler(g, true)}) {
            int n = 70, d = 6;
            double[] one = new double[n * d], split = new double[n * d], threaded = new double[n * d];
            RandomStreams st = new RandomStreams(5);
            sampler.sample(t.score(), st, 0, n, one, 1, null);
            double[] part = new double[33 * d];
            sampler.sample(t.score(), st, 0, 33, part, 1, null);
            System.arraycopy(part, 0, split, 0, part.length);
            part = new double[37 * d];
            sampler.sample(t.score(), st, 33, 37, part, 1, null);
            System.arraycopy(part, 0, split, 33 * d, part.length);
            sampler.sample(t.score(), st, 0, n, threaded, 2, null);
            assertArrayEquals(one, split, sampler.name());
            assertArrayEquals(one, threaded, sampler.name());
        }
    }

    @Test
    void finalTweedieStepIsTheDenoiserAtDelta() {
        TimeGrid g = PotaptchikGrid.of(0.2, 5, 10).grid();
        Score s = new GaussianSubspaceTarget(Subspace.coordinate(3, 1), 1).score();
        double[] raw = new double[12], den = new double[12], sc = new double[12];
        new HeunSampler(g, false).sample(s, new RandomStreams(1), 0, 4, raw, 1, null);
        new HeunSampler(g, true).sample(s, new RandomStreams(1), 0, 4, den, 1, null);
        NoiseLevel lvl = g.outputLevel();
        s.evaluator().score(lvl, raw, sc, 0, 4);
        for (int j = 0; j < 12; j++) assertEquals((raw[j] + lvl.sigma2() * sc[j]) / lvl.c(), den[j], 1e-12);
    }

    @Test
    void nanNamesTheStepAndItsTime() {
        TimeGrid g = PotaptchikGrid.of(0.2, 5, 10).grid();
        Score bad = new Score() {
            @Override public int dim() { return 2; }
            @Override public Evaluator evaluator() {
                return (level, x, out, from, to) -> {
                    for (int j = from * 2; j < to * 2; j++) out[j] = level.ouTime() < 1.5 ? Double.NaN : -x[j];
                };
            }
        };
        SamplingDivergedException e = assertThrows(SamplingDivergedException.class,
                () -> new HeunSampler(g, false).sample(bad, new RandomStreams(1), 0, 3, new double[6], 1, null));
        assertTrue(e.getMessage().contains("k=") && e.getMessage().contains("t'="), e.getMessage());
    }
}
