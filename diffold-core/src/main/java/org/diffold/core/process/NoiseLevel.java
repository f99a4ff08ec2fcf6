package org.diffold.core.process;

/**
 * One noise level of a variance-preserving forward process, X = c X_0 + sigma Z with c = sqrt(abar) and
 * sigma^2 = 1 - abar (docs/math.md §1.1, §1.2).
 *
 * <p>Stored through log abar so that sigma^2 = -expm1(log abar) keeps its digits when abar is close to 1
 * (docs/math.md §1.1, numerics). The discrete chain at index t has log abar_t = sum_{i<=t} log1p(-beta_i); the
 * OU process at forward time t has log abar = -2t.
 */
public final class NoiseLevel {
    private final double logAlphaBar;
    private final double alphaBar;
    private final double c;
    private final double sigma2;

    private NoiseLevel(double logAlphaBar) {
        if (!(logAlphaBar < 0) || Double.isInfinite(logAlphaBar)) {
            throw new IllegalArgumentException("log alpha-bar must be finite and < 0 (noise level > 0), got " + logAlphaBar);
        }
        this.logAlphaBar = logAlphaBar;
        this.alphaBar = Math.exp(logAlphaBar);
        this.c = Math.exp(0.5 * logAlphaBar);
        this.sigma2 = -Math.expm1(logAlphaBar);
    }

    /** The level with the given log abar (must be finite and negative). */
    public static NoiseLevel ofLogAlphaBar(double logAlphaBar) {
        return new NoiseLevel(logAlphaBar);
    }

    /** The OU process dX = -X dt + sqrt(2) dB at forward time t > 0: c = e^{-t}, sigma^2 = 1 - e^{-2t}. */
    public static NoiseLevel ofOuTime(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("OU time t must be finite and > 0, got " + t);
        }
        return new NoiseLevel(-2 * t);
    }

    /** log abar. */
    public double logAlphaBar() { return logAlphaBar; }

    /** abar. */
    public double alphaBar() { return alphaBar; }

    /** Signal scale c = sqrt(abar). */
    public double c() { return c; }

    /** Noise variance sigma^2 = 1 - abar, computed as -expm1(log abar). */
    public double sigma2() { return sigma2; }

    /** Equivalent OU time t = -log(abar) / 2. */
    public double ouTime() { return -0.5 * logAlphaBar; }

    @Override
    public String toString() {
        return "NoiseLevel[abar=" + alphaBar + ", sigma2=" + sigma2 + "]";
    }
}
