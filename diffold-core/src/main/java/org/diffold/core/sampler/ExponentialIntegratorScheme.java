package org.diffold.core.sampler;

/**
 * {@code exponential-integrator} (Benton et al. 2308.03686), docs/math.md §3.2: a = e^gamma,
 * b = 2 (e^gamma - 1), n^2 = e^{2 gamma} - 1. It freezes the score s_{t'} over the step and integrates the linear
 * drift exactly; on data in a subspace every normal coordinate then carries a fixed positive KL, so the error grows
 * linearly in D (2410.09046 Prop. 18; docs/math.md §4.1).
 */
public final class ExponentialIntegratorScheme implements AffineScheme {
    @Override public String name() { return "exponential-integrator"; }

    @Override public double a(double tPrime, double gamma) { return Math.exp(gamma); }

    @Override public double b(double tPrime, double gamma) { return 2 * Math.expm1(gamma); }

    @Override public double noiseVariance(double tPrime, double gamma) { return Math.expm1(2 * gamma); }
}
