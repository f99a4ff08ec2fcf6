package org.diffold.core.error.propagation;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.target.Mixture1D;

/**
 * The score of a {@link Mixture1D} at one noise level with the per-component constants precomputed
 * (docs/math.md §5): p_t = sum_j w_j N(c mu_j, V_j), V_j = c^2 v_j + sigma^2, responsibilities pi_j(y) by
 * log-sum-exp, s(y) = sum_j pi_j g_j with g_j = -(y - c mu_j) / V_j, and
 * s'(y) = sum_j pi_j (g_j^2 - 1 / V_j) - s(y)^2. Same values as {@link Mixture1D#score} and
 * {@link Mixture1D#scoreDerivative}, computed in one pass with one exp per component. Immutable, allocation-free.
 */
public final class MixtureScore1D {
    private final double[] logW, center, invVar;

    /** The score of {@code factor}'s noised law at {@code level}. */
    public MixtureScore1D(Mixture1D factor, NoiseLevel level) {
        int m = factor.components();
        logW = new double[m];
        center = new double[m];
        invVar = new double[m];
        double c = level.c(), s2 = level.sigma2();
        for (int j = 0; j < m; j++) {
            double v = c * c * factor.variance(j) + s2;
            invVar[j] = 1 / v;
            center[j] = c * factor.mean(j);
            logW[j] = Math.log(factor.weight(j)) - 0.5 * Math.log(v);
        }
    }

    /** s(y). */
    public double score(double y) {
        int m = logW.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double d = y - center[j];
            max = Math.max(max, logW[j] - 0.5 * d * d * invVar[j]);
        }
        double den = 0, s1 = 0;
        for (int j = 0; j < m; j++) {
            double d = y - center[j];
            double e = Math.exp(logW[j] - 0.5 * d * d * invVar[j] - max);
            den += e;
            s1 -= e * d * invVar[j];
        }
        return s1 / den;
    }

    /** s'(y) (a small local array that escape analysis removes). */
    public double scoreDerivative(double y) {
        double[] out = new double[2];
        evaluate(y, out);
        return out[1];
    }

    /** Writes s(y) into out[0] and s'(y) into out[1]. */
    public void evaluate(double y, double[] out) {
        int m = logW.length;
        if (m == 1) {
            out[0] = -(y - center[0]) * invVar[0];
            out[1] = -invVar[0];
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double d = y - center[j];
            max = Math.max(max, logW[j] - 0.5 * d * d * invVar[j]);
        }
        double den = 0, s1 = 0, s2 = 0;
        for (int j = 0; j < m; j++) {
            double d = y - center[j];
            double e = Math.exp(logW[j] - 0.5 * d * d * invVar[j] - max);
            double g = -d * invVar[j];
            den += e;
            s1 += e * g;
            s2 += e * (g * g - invVar[j]);
        }
        double s = s1 / den;
        out[0] = s;
        out[1] = s2 / den - s * s;
    }
}
