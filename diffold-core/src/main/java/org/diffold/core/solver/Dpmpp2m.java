package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code dpmpp-2m}: DPM-Solver++(2M), Lu et al. 2211.01095 Alg. 2 (k-diffusion sample_dpmpp_2m; diffusers
 * DPMSolverMultistepScheduler with algorithm_type=dpmsolver++, solver_order=2), docs/math.md §3.3. With
 * lambda = -log sigma, h = lambda_{i+1} - lambda_i: the first step and the step to sigma = 0 are first order,
 * x &lt;- (sigma_{i+1}/sigma_i) x - expm1(-h) D_i; otherwise r = h_{i-1} / h and
 * x &lt;- (sigma_{i+1}/sigma_i) x - expm1(-h) [(1 + 1/(2r)) D_i - (1/(2r)) D_{i-1}]. Settings: init.
 */
public final class Dpmpp2m implements Solver {
    private final SolverSettings s;

    /** DPM-Solver++(2M) with the settings. */
    public Dpmpp2m(SolverSettings settings) {
        settings.only("dpmpp-2m", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("dpmpp-2m"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 3, s.initStd(g.sigmaMax()));
        double[] sig = g.sigmas();
        for (int i = 0; i < g.steps(); i++) {
            double next = sig[i + 1];
            b.step(sig[i], next);
            int d = Steps.ring(1, 2, i), old = Steps.ring(1, 2, i - 1);
            b.denoise(d, 0, sig[i]);
            double h = Math.log(sig[i] / next), phi = -Math.expm1(-h);
            if (i == 0 || next == 0) {
                b.combine(0, 0, next, 0, next / sig[i], d, phi);
            } else {
                double halfInvR = h / (2 * Math.log(sig[i - 1] / sig[i])); // 1 / (2r), r = h_last / h
                b.combine(0, 0, next, 0, next / sig[i], d, phi * (1 + halfInvR), old, -phi * halfInvR);
            }
        }
        return b.build(g.outputSigma());
    }
}
