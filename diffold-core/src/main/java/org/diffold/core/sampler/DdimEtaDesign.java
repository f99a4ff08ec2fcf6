package org.diffold.core.sampler;

import org.diffold.core.schedule.NoiseSchedule;

/**
 * {@code ddim-eta}: Song et al.'s generalised family (docs/math.md §3.1), sigma_t^2 = eta_ddim^2 sigma*_t^2 and
 * eta_t = 1 - abar_t - sqrt((1 - abar_t)(alpha_t - abar_t - sigma_t^2)); eta_ddim = 0 is {@code ddim}, 1 is {@code li-yan}.
 */
public final class DdimEtaDesign implements CoefficientDesign {
    private final double etaDdim;

    /** eta_ddim in [0, 1]. */
    public DdimEtaDesign(double etaDdim) {
        if (!(etaDdim >= 0 && etaDdim <= 1)) throw new IllegalArgumentException("ddim eta must be in [0, 1], got " + etaDdim);
        this.etaDdim = etaDdim;
    }

    /** The interpolation parameter eta_ddim. */
    public double etaDdim() { return etaDdim; }

    @Override public String name() { return "ddim-eta:" + etaDdim; }

    @Override public double eta(NoiseSchedule s, int t) { return eta(s, t, sigma2(s, t)); }

    @Override public double sigma2(NoiseSchedule s, int t) { return etaDdim * etaDdim * CoefficientDesign.posteriorSigma2(s, t); }

    static double eta(NoiseSchedule s, int t, double sigma2) {
        double oneMinusAbar = s.oneMinusAlphaBar(t);
        double alphaMinusAbar = s.alpha(t) * s.oneMinusAlphaBar(t - 1);
        return oneMinusAbar - Math.sqrt(oneMinusAbar * (alphaMinusAbar - sigma2));
    }
}
