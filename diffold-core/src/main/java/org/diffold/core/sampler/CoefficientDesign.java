package org.diffold.core.sampler;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.schedule.NoiseSchedule;

/**
 * A choice of (eta_t, sigma_t) in the generic DDPM step with the noise inside the factor
 * (docs/math.md §3.1; Li &amp; Yan 2405.14861, 2409.18959 Eq. 2.4):
 * Y_{t-1} = (Y_t + eta_t s_t(Y_t) + sigma_t Z_t) / sqrt(alpha_t), t = T..2, output Y_1.
 */
public interface CoefficientDesign {
    /** CLI name, e.g. {@code li-yan}. */
    String name();

    /** eta_t for t in 2..T. */
    double eta(NoiseSchedule s, int t);

    /** sigma_t^2 >= 0 for t in 2..T. */
    double sigma2(NoiseSchedule s, int t);

    /** The step plan of this design on the schedule: steps t = T, ..., 2, output compared with X_1. */
    default StepPlan plan(NoiseSchedule s) {
        int steps = s.steps() - 1;
        double[] a = new double[steps], b = new double[steps], n = new double[steps];
        NoiseLevel[] levels = new NoiseLevel[steps];
        String[] labels = new String[steps];
        for (int i = 0; i < steps; i++) {
            int t = s.steps() - i;
            double inv = 1 / Math.sqrt(s.alpha(t));
            double sig2 = sigma2(s, t);
            if (!(sig2 >= 0)) {
                throw new IllegalArgumentException("design " + name() + " gives sigma_t^2 = " + sig2 + " < 0 at t=" + t);
            }
            a[i] = inv;
            b[i] = eta(s, t) * inv;
            n[i] = Math.sqrt(sig2) * inv;
            levels[i] = s.level(t);
            labels[i] = "t=" + t;
        }
        return new StepPlan(name() + " on " + s.description() + " (T=" + s.steps() + ")", a, b, n, levels, labels, s.level(1));
    }

    /** Ho's posterior variance sigma*_t^2 (noise inside the factor) = beta_t alpha_t (1 - abar_{t-1}) / (1 - abar_t). */
    static double posteriorSigma2(NoiseSchedule s, int t) {
        return s.beta(t) * s.alpha(t) * s.oneMinusAlphaBar(t - 1) / s.oneMinusAlphaBar(t);
    }
}
