package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.nn.net.NoiseEmbedding;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.train.LossWeighting;
import org.junit.jupiter.api.Test;

/** Conversions of spec/math.md §1.1 (Tweedie): round trips and agreement of the three DSM targets. */
class ParameterisationTest {
    private static final double[] LOG_ABAR = {-1e-6, -1e-3, -0.1, -1, -5, -12};

    @Test
    void toScoreAndFromScoreRoundTrip() {
        SplittableRandom rng = new SplittableRandom(1);
        for (Parameterisation p : Parameterisation.values()) {
            for (double la : LOG_ABAR) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
                for (int i = 0; i < 50; i++) {
                    double x = 3 * rng.nextGaussian(), s = rng.nextGaussian() / Math.sqrt(level.sigma2());
                    double back = p.toScore(level, x, p.fromScore(level, x, s));
                    // relative round-off of a few ulps of the larger of |s| and |x| / sigma^2 (x0 form divides by sigma^2)
                    double scale = Math.abs(s) + Math.abs(x) / level.sigma2();
                    assertEquals(s, back, 1e-12 * scale, p + " at log abar " + la);
                }
            }
        }
    }

    @Test
    void everyTargetEncodesTheConditionalScore() {
        // x = c x0 + sigma eps has conditional score -(x - c x0) / sigma^2 = -eps / sigma (spec/math.md §1.1)
        SplittableRandom rng = new SplittableRandom(2);
        for (Parameterisation p : Parameterisation.values()) {
            for (double la : LOG_ABAR) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
                double sigma = Math.sqrt(level.sigma2());
                double x0 = rng.nextGaussian(), eps = rng.nextGaussian(), x = level.c() * x0 + sigma * eps;
                double s = p.toScore(level, x, p.target(level, x0, eps));
                assertEquals(-eps / sigma, s, 1e-9 * (Math.abs(eps) / sigma + Math.abs(x0) / level.sigma2()), p + " at " + la);
            }
        }
    }

    @Test
    void scoreJacobianAndSigma2WeightingMatchHoLoss() {
        for (double la : LOG_ABAR) {
            NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
            // epsilon: ds/d eps = -1/sigma, so sigma^2 weighting gives weight 1 in eps space (Ho et al. simple loss)
            assertEquals(1.0, LossWeighting.SIGMA2.outputWeight(Parameterisation.EPSILON, level), 1e-12);
            assertEquals(level.c() / level.sigma2(), Parameterisation.X0.scoreJacobian(level), 1e-9 * level.c() / level.sigma2());
            assertEquals(1.0, Parameterisation.SCORE.scoreJacobian(level));
        }
    }

    @Test
    void parseRejectsUnknownNames() {
        assertEquals(Parameterisation.EPSILON, Parameterisation.parse("eps"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameterisation.parse("v"));
        assertTrue(e.getMessage().contains("unknown parameterisation 'v'") && e.getMessage().contains("epsilon, x0, score"));
    }

    @Test
    void embeddingIsBoundedAndDistinguishesLevels() {
        NoiseEmbedding e = NoiseEmbedding.DEFAULT;
        float[] a = new float[e.size()], b = new float[e.size()];
        e.embed(-1e-6, a, 0);
        e.embed(-1e-3, b, 0);
        double dist = 0;
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i]) <= 1 && Math.abs(b[i]) <= 1);
            dist += (a[i] - b[i]) * (a[i] - b[i]);
        }
        assertTrue(dist > 0.1, "levels 3 decades apart must embed apart, distance^2 " + dist);
    }
}
