package org.diffold.core.sampler;

import org.diffold.core.schedule.NoiseSchedule;

/** {@code ho-large}: eta_t = 1 - alpha_t, sigma_t^2 = alpha_t beta_t, i.e. Ho's "large" variance beta_t outside the factor (docs/math.md §3.1). */
public final class HoLargeDesign implements CoefficientDesign {
    @Override public String name() { return "ho-large"; }
    @Override public double eta(NoiseSchedule s, int t) { return s.beta(t); }
    @Override public double sigma2(NoiseSchedule s, int t) { return s.alpha(t) * s.beta(t); }
}
