package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code euler-ancestral} ("Euler a"; k-diffusion sample_euler_ancestral, diffusers EulerAncestralDiscreteScheduler),
 * docs/math.md §3.3: (sigma_down, sigma_up) from the ancestral split of sigma_i -&gt; sigma_{i+1} with strength eta,
 * x &lt;- x + d (sigma_down - sigma_i) + s_noise sigma_up Z (no noise on a step to 0). Settings: eta, s_noise, init.
 */
public final class EulerAncestral implements Solver {
    private final SolverSettings s;

    /** Euler ancestral with the settings. */
    public EulerAncestral(SolverSettings settings) {
        settings.only("euler-ancestral", "eta", "s_noise", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("euler-ancestral"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 2, s.initStd(g.sigmaMax())).historyFree();
        for (int i = 0; i < g.steps(); i++) {
            double sig = g.sigma(i), next = g.sigma(i + 1);
            b.step(sig, next);
            double[] du = Steps.ancestral(sig, next, s.eta());
            b.denoise(1, 0, sig);
            Steps.euler(b, 0, 0, 1, sig, du[0], next > 0 ? s.sNoise() * du[1] : 0, next);
        }
        return b.build(g.outputSigma());
    }
}
