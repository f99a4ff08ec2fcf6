package org.diffold.core.sampler;

import org.diffold.core.schedule.NoiseSchedule;

/**
 * {@code li-yan}: eta_t = 1 - alpha_t, sigma_t^2 = beta_t alpha_t (1 - abar_{t-1}) / (1 - abar_t)
 * (Li &amp; Yan's unique dimension-adaptive design, equal to Ho's posterior variance; docs/math.md §3.1).
 */
public final class LiYanDesign implements CoefficientDesign {
    @Override public String name() { return "li-yan"; }
    @Override public double eta(NoiseSchedule s, int t) { return s.beta(t); }
    @Override public double sigma2(NoiseSchedule s, int t) { return CoefficientDesign.posteriorSigma2(s, t); }
}
