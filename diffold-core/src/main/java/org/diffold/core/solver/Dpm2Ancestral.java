package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code dpm2-ancestral} (k-diffusion sample_dpm_2_ancestral, diffusers KDPM2AncestralDiscreteScheduler),
 * docs/math.md §3.3: the {@link Dpm2} midpoint step from sigma_i to sigma_down (midpoint sqrt(sigma_i sigma_down)),
 * then + s_noise sigma_up Z; when sigma_down = 0 a plain Euler step without noise (as k-diffusion does).
 */
public final class Dpm2Ancestral implements Solver {
    private final SolverSettings s;

    /** DPM2 ancestral with the settings. */
    public Dpm2Ancestral(SolverSettings settings) {
        settings.only("dpm2-ancestral", "eta", "s_noise", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("dpm2-ancestral"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 4, s.initStd(g.sigmaMax())).historyFree();
        for (int i = 0; i < g.steps(); i++) {
            double sig = g.sigma(i), next = g.sigma(i + 1);
            b.step(sig, next);
            double[] du = Steps.ancestral(sig, next, s.eta());
            b.denoise(1, 0, sig);
            if (du[0] == 0) {
                Steps.euler(b, 0, 0, 1, sig, 0, 0, 0);
            } else {
                Dpm2.midpoint(b, sig, du[0], next, s.sNoise() * du[1]);
            }
        }
        return b.build(g.outputSigma());
    }
}
