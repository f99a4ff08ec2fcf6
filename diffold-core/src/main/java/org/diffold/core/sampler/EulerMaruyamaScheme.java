package org.diffold.core.sampler;

/**
 * {@code euler-maruyama} on the reverse SDE dY = (Y + 2 s_{T-tau}(Y)) dtau + sqrt(2) dB (docs/math.md §1.2, §3.2):
 * a = 1 + gamma, b = 2 gamma, n^2 = 2 gamma.
 */
public final class EulerMaruyamaScheme implements AffineScheme {
    @Override public String name() { return "euler-maruyama"; }

    @Override public double a(double tPrime, double gamma) { return 1 + gamma; }

    @Override public double b(double tPrime, double gamma) { return 2 * gamma; }

    @Override public double noiseVariance(double tPrime, double gamma) { return 2 * gamma; }
}
