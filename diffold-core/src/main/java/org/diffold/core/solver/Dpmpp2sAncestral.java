package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code dpmpp-2s-ancestral}: DPM-Solver++(2S) with ancestral noise (k-diffusion sample_dpmpp_2s_ancestral),
 * docs/math.md §3.3. (sigma_down, sigma_up) as Euler ancestral; if sigma_down = 0, x &lt;- D(x, sigma_i); else
 * h = log(sigma_i/sigma_down), sigma_s = sqrt(sigma_i sigma_down) (r = 1/2),
 * x_2 = (sigma_s/sigma_i) x - expm1(-h/2) D(x, sigma_i), x &lt;- (sigma_down/sigma_i) x - expm1(-h) D(x_2, sigma_s);
 * then + s_noise sigma_up Z when sigma_{i+1} &gt; 0. Settings: eta, s_noise, init.
 */
public final class Dpmpp2sAncestral implements Solver {
    private final SolverSettings s;

    /** DPM-Solver++(2S) ancestral with the settings. */
    public Dpmpp2sAncestral(SolverSettings settings) {
        settings.only("dpmpp-2s-ancestral", "eta", "s_noise", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("dpmpp-2s-ancestral"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 4, s.initStd(g.sigmaMax())).historyFree();
        for (int i = 0; i < g.steps(); i++) {
            double sig = g.sigma(i), next = g.sigma(i + 1);
            b.step(sig, next);
            double[] du = Steps.ancestral(sig, next, s.eta());
            double noise = next > 0 ? s.sNoise() * du[1] : 0;
            b.denoise(1, 0, sig);
            if (du[0] == 0) {
                b.combine(0, noise, next, 1, 1);
                continue;
            }
            double h = Math.log(sig / du[0]), mid = Math.sqrt(sig * du[0]);
            b.combine(2, 0, Double.NaN, 0, mid / sig, 1, -Math.expm1(-h / 2));
            b.denoise(3, 2, mid);
            b.combine(0, noise, next, 0, du[0] / sig, 3, -Math.expm1(-h));
        }
        return b.build(g.outputSigma());
    }
}
