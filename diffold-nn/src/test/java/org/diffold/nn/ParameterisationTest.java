package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Tweedie;
import org.diffold.nn.net.NoiseEmbedding;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.train.LossWeighting;
import org.junit.jupiter.api.Test;

/** Conversions of docs/math.md §1.1 (Tweedie): round trips and agreement of the three DSM targets. */
class ParameterisationTest {
    private static final double[] LOG_ABAR = {-1e-6, -1e-3, -0.1, -1, -5, -12};
    /** sigma_data for edm (ignored by the others); an arbitrary non-unit value. */
    private static final double SD = 0.7;

    @Test
    void toScoreAndFromScoreRoundTrip() {
        SplittableRandom rng = new SplittableRandom(1);
        for (Parameterisation p : Parameterisation.values()) {
            if (p.needsWhitening()) continue; // edm-pca converts whole rows: EdmPcaTest
            for (double la : LOG_ABAR) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
                for (int i = 0; i < 50; i++) {
                    double x = 3 * rng.nextGaussian(), s = rng.nextGaussian() / Math.sqrt(level.sigma2());
                    double back = p.toScore(level, SD, x, p.fromScore(level, SD, x, s));
                    // relative round-off of a few ulps of the larger of |s| and |x| / sigma^2 (x0 form divides by sigma^2)
                    double scale = Math.abs(s) + Math.abs(x) / level.sigma2();
                    assertEquals(s, back, 1e-12 * scale, p + " at log abar " + la);
                }
            }
        }
    }

    @Test
    void rowTargetsHaveTheBitsOfTheScalarTarget() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 37, off = 5, epsOff = 3;
        double[] x0 = new double[off + n], eps = new double[epsOff + n];
        float[] out = new float[n];
        for (Parameterisation p : Parameterisation.values()) {
            if (p.needsWhitening()) continue;
            for (double la : LOG_ABAR) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
                for (int j = 0; j < n; j++) {
                    x0[off + j] = 3 * rng.nextGaussian();
                    eps[epsOff + j] = rng.nextGaussian();
                }
                p.targets(level, SD, x0, off, eps, epsOff, out, n);
                for (int j = 0; j < n; j++) {
                    float scalar = (float) p.target(level, SD, x0[off + j], eps[epsOff + j]);
                    assertEquals(Float.floatToRawIntBits(scalar), Float.floatToRawIntBits(out[j]), p + " at log abar " + la);
                }
            }
        }
    }

    @Test
    void everyTargetEncodesTheConditionalScore() {
        // x = c x0 + sigma eps has conditional score -(x - c x0) / sigma^2 = -eps / sigma (docs/math.md §1.1)
        SplittableRandom rng = new SplittableRandom(2);
        for (Parameterisation p : Parameterisation.values()) {
            if (p.needsWhitening()) continue; // edm-pca converts whole rows: EdmPcaTest
            for (double la : LOG_ABAR) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
                double sigma = Math.sqrt(level.sigma2());
                double x0 = rng.nextGaussian(), eps = rng.nextGaussian(), x = level.c() * x0 + sigma * eps;
                double s = p.toScore(level, SD, x, p.target(level, SD, x0, eps));
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
    void edmCoefficientsAreTheVpFormOfKarras() {
        // Karras et al. 2206.00364 Table 1 with x = c x0 + sigma eps (class comment of Parameterisation, derived):
        // m = c_skip x + c_out F with c_skip = c sd^2 / V, c_out = sigma sd / sqrt(V), V = c^2 sd^2 + sigma^2.
        SplittableRandom rng = new SplittableRandom(3);
        for (double la : LOG_ABAR) {
            NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
            double c = level.c(), sigma = Math.sqrt(level.sigma2()), v = c * c * SD * SD + sigma * sigma;
            assertEquals(1 / Math.sqrt(v), Parameterisation.EDM.inputScale(level, SD), 1e-14 / Math.sqrt(v));
            assertEquals(1.0, Parameterisation.EPSILON.inputScale(level, SD));
            double x = rng.nextGaussian(), f = rng.nextGaussian();
            double m = c * SD * SD / v * x + sigma * SD / Math.sqrt(v) * f;
            double expected = Tweedie.scoreFromDenoiser(level, x, m);
            assertEquals(expected, Parameterisation.EDM.toScore(level, SD, x, f), 1e-9 * (Math.abs(x) + 1) / level.sigma2());
        }
        assertThrows(IllegalArgumentException.class, () -> Parameterisation.EDM.toScore(NoiseLevel.ofLogAlphaBar(-1), 0, 1));
    }

    @Test
    void edmTargetHasUnitScaleAtEveryLevel() {
        // Var(F*) = (sigma^2 E x0^2 + c^2 sd^4) / (sd^2 V) = 1 when E x0^2 = sd^2 (derived from the target's formula)
        for (double la : LOG_ABAR) {
            NoiseLevel level = NoiseLevel.ofLogAlphaBar(la);
            double a = Parameterisation.EDM.target(level, SD, 1, 0), b = Parameterisation.EDM.target(level, SD, 0, 1);
            assertEquals(1.0, a * a * SD * SD + b * b, 1e-12, "at log abar " + la);
        }
    }

    @Test
    void parseRejectsUnknownNames() {
        assertEquals(Parameterisation.EPSILON, Parameterisation.parse("eps"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameterisation.parse("v"));
        assertTrue(e.getMessage().contains("unknown parameterisation 'v'") && e.getMessage().contains("epsilon, x0, score, edm"));
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
