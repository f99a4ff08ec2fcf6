package org.diffold.lab.experiment.sild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.diffold.core.collapse.ScoreDenoiser;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;
import org.junit.jupiter.api.Test;

/** The batched Jacobian spectrum of a score denoiser equals the row-by-row one of {@link ScoreDenoiser}. */
class ScoreSpectrumTest {
    /** A nonlinear score with cross terms, s_j(x) = -x_j / (1 + sigma^2) + 0.3 tanh(x_{j+1} x_j). */
    private static Score score(int d) {
        return new Score() {
            @Override public int dim() { return d; }

            @Override public Evaluator evaluator() {
                return (NoiseLevel level, double[] x, double[] out, int from, int to) -> {
                    for (int i = from; i < to; i++) {
                        for (int j = 0; j < d; j++) {
                            double a = x[i * d + j], b = x[i * d + (j + 1) % d];
                            out[i * d + j] = -a / (1 + level.sigma2()) + 0.3 * Math.tanh(a * b);
                        }
                    }
                };
            }
        };
    }

    @Test
    void batchedEqualsRowByRow() {
        int d = 6;
        double[] x = {0.3, -1.2, 0.8, 0.05, -0.4, 1.7};
        for (double sigma : new double[] {0.05, 0.5}) {
            assertArrayEquals(CollapseCells.spectrum(new ScoreDenoiser(score(d), sigma), x), CollapseCells.scoreSpectrum(score(d), sigma, x), 0.0);
        }
    }
}
