package org.diffold.core.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.Mixture1D;
import org.diffold.core.target.ProductSubspaceTarget;
import org.junit.jupiter.api.Test;

class ScorePerturbationTest {
    @Test
    void perturbedScoreAddsTheFieldCoordinateWise() {
        ProductSubspaceTarget t = new ProductSubspaceTarget(Subspace.coordinate(4, 2), Mixture1D.defaultFactor());
        SineField h = new SineField(0.3);
        NoiseLevel lvl = NoiseLevel.ofOuTime(0.4);
        double[] x = {0.1, -0.5, 0.7, 1.2, 0.3, 0.0, -2, 0.9}, a = new double[8], b = new double[8];
        t.score().evaluator().score(lvl, x, a, 0, 2);
        new PerturbedScore(t.score(), h).evaluator().score(lvl, x, b, 0, 2);
        for (int j = 0; j < 8; j++) assertEquals(a[j] + h.value(lvl, x[j]), b[j], 1e-15);
    }

    @Test
    void fieldDerivativesMatchFiniteDifferences() {
        NoiseLevel lvl = NoiseLevel.ofOuTime(1);
        for (CoordinateField h : new CoordinateField[] {new SineField(0.7), new RandomFourierField(0.4, 9)}) {
            for (double y = -3; y <= 3; y += 0.37) {
                double fd = (h.value(lvl, y + 1e-6) - h.value(lvl, y - 1e-6)) / 2e-6;
                assertEquals(fd, h.derivative(lvl, y), 1e-7, h.description());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new SineField(-1));
        assertThrows(IllegalArgumentException.class, () -> new RandomFourierField(1, 0, 1, 1));
    }

    @Test
    void gaussHermiteMeanSquareMatchesTheClosedForm() {
        // E_{N(m, v)} sin^2(omega y + phi) = 1/2 - 1/2 e^{-2 omega^2 v} cos(2 (omega m + phi))  [derived]
        Mixture1D law = new Mixture1D(new double[] {0.4, 0.6}, new double[] {-1, 0.5}, new double[] {0.2, 0});
        NoiseLevel lvl = NoiseLevel.ofOuTime(0.3);
        double amp = 0.8, om = SineField.DEFAULT_OMEGA, ph = SineField.DEFAULT_PHASE;
        double expected = 0;
        for (int j = 0; j < 2; j++) {
            double m = lvl.c() * law.mean(j), v = lvl.c() * lvl.c() * law.variance(j) + lvl.sigma2();
            expected += law.weight(j) * amp * amp * (0.5 - 0.5 * Math.exp(-2 * om * om * v) * Math.cos(2 * (om * m + ph)));
        }
        assertEquals(expected, new SeparableScoreError().meanSquare(new SineField(amp), law, lvl), 1e-12);
    }

    @Test
    void monteCarloMeterAgreesWithQuadratureOnAProductTarget() {
        int d = 2, dim = 5;
        Mixture1D f = Mixture1D.defaultFactor();
        ProductSubspaceTarget t = new ProductSubspaceTarget(Subspace.coordinate(dim, d), f);
        TimeGrid g = PotaptchikGrid.of(0.2, 5, 8).grid();
        RandomFourierField h = new RandomFourierField(0.2, 3);
        ScoreError exact = new SeparableScoreError().onGrid(h, f, d, dim, g);
        ScoreError mc = ScoreErrorMeter.measure(new PerturbedScore(t.score(), h), t.score(), t, g, 400, new RandomStreams(2));
        assertEquals(exact.stepWeighted(), mc.stepWeighted(), 4 * mc.stepWeightedStdError());
        assertEquals(exact.liYan(), mc.liYan(), 4 * mc.liYanStdError());
        // Li–Yan form is the plain average, step-weighted uses gamma_k (docs/math.md §4.4)
        double avg = 0, sw = 0;
        for (int k = 0; k < g.steps(); k++) { avg += exact.perStep()[k] / g.steps(); sw += g.gamma(k) * exact.perStep()[k]; }
        assertEquals(avg, exact.liYan(), 1e-14);
        assertEquals(sw, exact.stepWeighted(), 1e-14);
    }
}
