package org.diffold.core.process;

/**
 * The Ornstein–Uhlenbeck forward process dX = -X dt + sqrt(2) dB of the continuous-time samplers
 * (docs/math.md §1.2; Benton et al. 2308.03686, Potaptchik et al. 2410.09046): X_t = c_t X_0 + sigma_t Z with
 * c_t = e^{-t}, sigma_t^2 = 1 - e^{-2t}. In reverse time tau (forward time T - tau) the sampler SDE is
 * dY = (Y + 2 s(Y)) dtau + sqrt(2) dB and the probability-flow ODE dY/dtau = Y + s(Y).
 * Stateless; the discrete chain with alpha = e^{-2 gamma} per step is this process sampled on a grid.
 */
public final class OuProcess {
    /** Diffusion coefficient sqrt(2) of the forward and reverse SDEs. */
    public static final double DIFFUSION = Math.sqrt(2);

    private OuProcess() {}

    /** The forward noise level at time t &gt; 0 (c = e^{-t}, sigma^2 = -expm1(-2t)). */
    public static NoiseLevel level(double t) { return NoiseLevel.ofOuTime(t); }

    /** Forward drift -x. */
    public static double forwardDrift(double x) { return -x; }

    /** Reverse-SDE drift y + 2 s at the score value s. */
    public static double reverseDrift(double y, double score) { return y + 2 * score; }

    /** Probability-flow ODE velocity y + s at the score value s. */
    public static double flowVelocity(double y, double score) { return y + score; }

    /** One exact forward transition over time h &gt; 0: x -&gt; e^{-h} x + sqrt(1 - e^{-2h}) z. */
    public static double transition(double x, double h, double z) {
        return Math.exp(-h) * x + Math.sqrt(-Math.expm1(-2 * h)) * z;
    }
}
