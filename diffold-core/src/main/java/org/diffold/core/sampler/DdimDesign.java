package org.diffold.core.sampler;

import org.diffold.core.schedule.NoiseSchedule;

/**
 * {@code ddim}: eta_t = 1 - abar_t - sqrt((alpha_t - abar_t)(1 - abar_t)), sigma_t = 0 (Song et al. DDIM in the
 * noise-inside form; docs/math.md §3.1), with alpha_t - abar_t = alpha_t (1 - abar_{t-1}) to avoid cancellation.
 */
public final class DdimDesign implements CoefficientDesign {
    @Override public String name() { return "ddim"; }

    @Override
    public double eta(NoiseSchedule s, int t) {
        return DdimEtaDesign.eta(s, t, 0);
    }

    @Override public double sigma2(NoiseSchedule s, int t) { return 0; }
}
