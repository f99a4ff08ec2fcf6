package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code lms}: linear multistep in sigma (k-diffusion sample_lms, diffusers LMSDiscreteScheduler), docs/math.md §3.3.
 * d_i = (x - D(x, sigma_i)) / sigma_i; with p = min(i + 1, order), x &lt;- x + sum_{j&lt;p} c_{ij} d_{i-j} where
 * c_{ij} = integral over [sigma_i, sigma_{i+1}] of the Lagrange basis polynomial of node sigma_{i-j} on the nodes
 * sigma_i, ..., sigma_{i-p+1}; integrated exactly by 4-point Gauss-Legendre (the integrand has degree &lt;= 3).
 * Settings: order (default 4), init.
 */
public final class Lms implements Solver {
    private static final double[] GL_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GL_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
    private final SolverSettings s;

    /** LMS with the settings. */
    public Lms(SolverSettings settings) {
        settings.only("lms", "order", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("lms"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        int order = s.order();
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 2 + order, s.initStd(g.sigmaMax()));
        double[] sig = g.sigmas();
        for (int i = 0; i < g.steps(); i++) {
            b.step(sig[i], sig[i + 1]);
            b.denoise(1, 0, sig[i]);
            int slot = Steps.ring(2, order, i);
            b.combine(slot, 0, Double.NaN, 0, 1 / sig[i], 1, -1 / sig[i]);
            int p = Math.min(i + 1, order);
            double[] terms = new double[2 + 2 * p];
            terms[0] = 0;
            terms[1] = 1;
            for (int j = 0; j < p; j++) {
                terms[2 + 2 * j] = Steps.ring(2, order, i - j);
                terms[3 + 2 * j] = coefficient(sig, i, j, p);
            }
            b.combine(0, 0, sig[i + 1], terms);
        }
        return b.build(g.outputSigma());
    }

    /** c_{ij}: the integral over [t_i, t_{i+1}] of prod_{k != j, k &lt; p} (tau - t_{i-k}) / (t_{i-j} - t_{i-k}). */
    public static double coefficient(double[] t, int i, int j, int p) {
        double lo = t[i], hi = t[i + 1], mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo), sum = 0;
        for (int q = 0; q < GL_X.length; q++) {
            double tau = mid + half * GL_X[q], prod = 1;
            for (int k = 0; k < p; k++) {
                if (k != j) prod *= (tau - t[i - k]) / (t[i - j] - t[i - k]);
            }
            sum += GL_W[q] * prod;
        }
        return sum * half;
    }
}
