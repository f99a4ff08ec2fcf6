package org.diffold.core.sampler;

/**
 * {@code ddpm-posterior}, Eq. 4 of Potaptchik et al. (2410.09046), docs/math.md §3.2: a = e^gamma,
 * b = 2 sinh(gamma), n^2 = (1 - e^{-2 gamma})(1 - e^{-2t}) / (1 - e^{-2t'}), t = t' - gamma.
 * It freezes the denoiser m_{t'} over the step and integrates exactly: the DDPM posterior
 * q(x_t | x_{t'}, x_0 = m_{t'}(x_{t'})), i.e. the {@code li-yan} design with the noise outside the factor.
 * With the exact score it leaves point-mass (normal) coordinates exact (docs/math.md §4.1).
 */
public final class DdpmPosteriorScheme implements AffineScheme {
    @Override public String name() { return "ddpm-posterior"; }

    @Override public double a(double tPrime, double gamma) { return Math.exp(gamma); }

    @Override public double b(double tPrime, double gamma) { return 2 * Math.sinh(gamma); }

    @Override
    public double noiseVariance(double tPrime, double gamma) {
        double t = tPrime - gamma;
        return -Math.expm1(-2 * gamma) * (-Math.expm1(-2 * t)) / -Math.expm1(-2 * tPrime);
    }
}
