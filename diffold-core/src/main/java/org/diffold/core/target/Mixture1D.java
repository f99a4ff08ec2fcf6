package org.diffold.core.target;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;

/**
 * A 1-D Gaussian mixture pi = sum_j w_j N(mu_j, v_j) and its noised laws
 * p_t = sum_j w_j N(c mu_j, c^2 v_j + sigma^2) (docs/math.md §4.3, §5). Point masses are allowed (v_j = 0).
 */
public final class Mixture1D {
    private final double[] w, logW, mu, var;

    /** Weights (positive, normalised here), means and variances (>= 0). */
    public Mixture1D(double[] weights, double[] means, double[] variances) {
        int m = weights.length;
        if (m < 1 || means.length != m || variances.length != m) {
            throw new IllegalArgumentException("mixture needs equal, non-empty weights/means/variances, got "
                    + weights.length + "/" + means.length + "/" + variances.length);
        }
        double sum = 0;
        for (int j = 0; j < m; j++) {
            if (!(weights[j] > 0) || Double.isInfinite(weights[j])) throw new IllegalArgumentException("mixture weight " + j + " must be > 0, got " + weights[j]);
            if (!(variances[j] >= 0) || Double.isInfinite(variances[j])) throw new IllegalArgumentException("mixture variance " + j + " must be >= 0, got " + variances[j]);
            if (!Double.isFinite(means[j])) throw new IllegalArgumentException("mixture mean " + j + " must be finite, got " + means[j]);
            sum += weights[j];
        }
        w = new double[m];
        logW = new double[m];
        for (int j = 0; j < m; j++) { w[j] = weights[j] / sum; logW[j] = Math.log(w[j]); }
        mu = means.clone();
        var = variances.clone();
    }

    /** The default non-Gaussian factor of {@code product-subspace}: 0.3 N(-1.2, 0.09) + 0.7 N(0.8, 0.09) (ours). */
    public static Mixture1D defaultFactor() {
        return new Mixture1D(new double[] {0.3, 0.7}, new double[] {-1.2, 0.8}, new double[] {0.09, 0.09});
    }

    /** A point mass at 0. */
    public static Mixture1D pointMass() {
        return new Mixture1D(new double[] {1}, new double[] {0}, new double[] {0});
    }

    /** Number of components. */
    public int components() { return w.length; }

    /** Normalised weight w_j. */
    public double weight(int j) { return w[j]; }

    /** Component mean mu_j. */
    public double mean(int j) { return mu[j]; }

    /** Component variance v_j (0 for a point mass). */
    public double variance(int j) { return var[j]; }

    /** Mean of pi. */
    public double mean() { double m = 0; for (int j = 0; j < w.length; j++) m += w[j] * mu[j]; return m; }

    /** Second moment of pi. */
    public double secondMoment() { double m = 0; for (int j = 0; j < w.length; j++) m += w[j] * (var[j] + mu[j] * mu[j]); return m; }

    /** Largest |mu_j| + 10 sqrt(v_j): a radius holding essentially all of pi's mass. */
    public double radius() {
        double r = 0;
        for (int j = 0; j < w.length; j++) r = Math.max(r, Math.abs(mu[j]) + 10 * Math.sqrt(var[j]));
        return r;
    }

    /** log p_t(y) at the level (c, sigma^2); for level == null, log pi(y) (requires all v_j > 0). Allocation-free. */
    public double logDensity(NoiseLevel level, double y) {
        double c = level == null ? 1 : level.c(), s2 = level == null ? 0 : level.sigma2();
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < w.length; j++) max = Math.max(max, logComponent(j, c, s2, y));
        double s = 0;
        for (int j = 0; j < w.length; j++) s += Math.exp(logComponent(j, c, s2, y) - max);
        return max + Math.log(s);
    }

    private double logComponent(int j, double c, double s2, double y) {
        double v = c * c * var[j] + s2;
        double d = y - c * mu[j];
        return logW[j] - 0.5 * Math.log(2 * Math.PI * v) - d * d / (2 * v);
    }

    /** Score d/dy log p_t(y), log-sum-exp weighted; allocation-free. */
    public double score(NoiseLevel level, double y) {
        double c = level.c(), s2 = level.sigma2();
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < w.length; j++) {
            double v = c * c * var[j] + s2, d = y - c * mu[j];
            max = Math.max(max, logW[j] - 0.5 * Math.log(v) - d * d / (2 * v));
        }
        double num = 0, den = 0;
        for (int j = 0; j < w.length; j++) {
            double v = c * c * var[j] + s2, d = y - c * mu[j];
            double e = Math.exp(logW[j] - 0.5 * Math.log(v) - d * d / (2 * v) - max);
            num -= e * d / v;
            den += e;
        }
        return num / den;
    }

    /** Derivative of the score d^2/dy^2 log p_t(y) (needed to invert the sampler's deterministic map). */
    public double scoreDerivative(NoiseLevel level, double y) {
        double c = level.c(), s2 = level.sigma2();
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < w.length; j++) {
            double v = c * c * var[j] + s2, d = y - c * mu[j];
            max = Math.max(max, logW[j] - 0.5 * Math.log(v) - d * d / (2 * v));
        }
        double den = 0, s1 = 0, s2sum = 0;
        for (int j = 0; j < w.length; j++) {
            double v = c * c * var[j] + s2, d = y - c * mu[j];
            double e = Math.exp(logW[j] - 0.5 * Math.log(v) - d * d / (2 * v) - max);
            double g = -d / v;
            den += e;
            s1 += e * g;
            s2sum += e * (g * g - 1 / v);
        }
        double mean = s1 / den;
        return s2sum / den - mean * mean;
    }

    /** One draw from pi. */
    public double sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        int j = 0;
        double acc = w[0];
        while (u >= acc && j < w.length - 1) acc += w[++j];
        return mu[j] + Math.sqrt(var[j]) * rng.nextGaussian();
    }

    @Override
    public String toString() {
        return "Mixture1D[w=" + Arrays.toString(w) + ", mu=" + Arrays.toString(mu) + ", var=" + Arrays.toString(var) + "]";
    }
}
