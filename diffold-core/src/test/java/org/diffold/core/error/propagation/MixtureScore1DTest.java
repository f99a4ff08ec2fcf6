package org.diffold.core.error.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

class MixtureScore1DTest {
    @Test
    void matchesMixture1DScoreAndDerivative() {
        Mixture1D[] factors = {
            Mixture1D.defaultFactor(),
            new Mixture1D(new double[] {1}, new double[] {0.3}, new double[] {0.5}),
            new Mixture1D(new double[] {0.2, 0.5, 0.3}, new double[] {-2, 0, 1.5}, new double[] {0.01, 0, 0.3}),
        };
        for (Mixture1D f : factors) {
            for (double logAbar : new double[] {-1e-4, -0.05, -1, -8}) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(logAbar);
                MixtureScore1D s = new MixtureScore1D(f, level);
                double[] out = new double[2];
                for (double y = -5; y <= 5; y += 0.37) {
                    double want = f.score(level, y), wantD = f.scoreDerivative(level, y);
                    s.evaluate(y, out);
                    double tol = 1e-11 * (1 + Math.abs(want)), tolD = 1e-10 * (1 + Math.abs(wantD));
                    assertEquals(want, out[0], tol);
                    assertEquals(wantD, out[1], tolD);
                    assertEquals(want, s.score(y), tol);
                    assertEquals(wantD, s.scoreDerivative(y), tolD);
                }
            }
        }
    }
}
