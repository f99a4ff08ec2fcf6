package org.diffold.core.sampler;

import org.diffold.core.schedule.NoiseSchedule;

/** {@code classic}: eta_t = sigma_t^2 = 1 - alpha_t, the design Li &amp; Yan compare against (docs/math.md §3.1). */
public final class ClassicDesign implements CoefficientDesign {
    @Override public String name() { return "classic"; }
    @Override public double eta(NoiseSchedule s, int t) { return s.beta(t); }
    @Override public double sigma2(NoiseSchedule s, int t) { return s.beta(t); }
}
