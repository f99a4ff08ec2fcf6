package org.diffold.core.score;

import java.util.Locale;

/**
 * The score error of an approximate score along a grid (docs/math.md §4.4), in both published forms:
 * Li–Yan eps_score^2 = (1/K) sum_k E||s - s*||^2 and Potaptchik's step-weighted sum_k gamma_k E||s - s*||^2,
 * each expectation under the forward law at the step's forward time t'_k.
 *
 * @param perStep E||s_{t'_k}(X) - s*_{t'_k}(X)||^2 for each step k
 * @param liYan the Li–Yan form (average over steps)
 * @param stepWeighted the step-weighted form
 * @param liYanStdError Monte Carlo standard error of {@code liYan} (0 when computed by quadrature)
 * @param stepWeightedStdError Monte Carlo standard error of {@code stepWeighted} (0 when computed by quadrature)
 */
public record ScoreError(double[] perStep, double liYan, double stepWeighted, double liYanStdError, double stepWeightedStdError) {
    /** Copies the array. */
    public ScoreError {
        perStep = perStep.clone();
    }

    /** Combines per-step means (and variances of the per-sample values, n samples per step; null for exact values). */
    public static ScoreError of(double[] gamma, double[] mean, double[] variance, int n) {
        int k = mean.length;
        double ly = 0, sw = 0, lyVar = 0, swVar = 0;
        for (int i = 0; i < k; i++) {
            ly += mean[i] / k;
            sw += gamma[i] * mean[i];
            if (variance != null) {
                lyVar += variance[i] / ((double) k * k * n);
                swVar += gamma[i] * gamma[i] * variance[i] / n;
            }
        }
        return new ScoreError(mean, ly, sw, Math.sqrt(lyVar), Math.sqrt(swVar));
    }

    @Override
    public double[] perStep() { return perStep.clone(); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "eps_score^2: li-yan %.4g (se %.2g), step-weighted %.4g (se %.2g)",
                liYan, liYanStdError, stepWeighted, stepWeightedStdError);
    }
}
