package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code dpmpp-2m-sde}: DPM-Solver++(2M) SDE (k-diffusion sample_dpmpp_2m_sde; diffusers algorithm_type=sde-dpmsolver++),
 * docs/math.md §3.3. h = log(sigma_i / sigma_{i+1}), A = -expm1(-(1 + eta) h):
 * x &lt;- (sigma_{i+1}/sigma_i) e^{-eta h} x + A D_i, then with r = h_{i-1}/h and a previous D:
 * midpoint: + (A / 2) (D_i - D_{i-1}) / r; heun: + (1 - A / ((1 + eta) h)) (D_i - D_{i-1}) / r;
 * noise s_noise sigma_{i+1} sqrt(-expm1(-2 eta h)) Z. The step to sigma = 0 returns D_i. The noise of consecutive
 * steps is independent, which is the law of k-diffusion's Brownian-tree increments too. Settings: eta, s_noise,
 * solver_type (midpoint | heun), init.
 */
public final class Dpmpp2mSde implements Solver {
    private final SolverSettings s;

    /** DPM-Solver++(2M) SDE with the settings. */
    public Dpmpp2mSde(SolverSettings settings) {
        settings.only("dpmpp-2m-sde", "eta", "s_noise", "solver_type", "init");
        if (!settings.solverType().equals("midpoint") && !settings.solverType().equals("heun")) {
            throw new IllegalArgumentException("sampler dpmpp-2m-sde: solver_type='" + settings.solverType() + "' is not allowed; expected midpoint or heun");
        }
        this.s = settings;
    }

    @Override public String name() { return s.describe("dpmpp-2m-sde"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 3, s.initStd(g.sigmaMax()));
        double[] sig = g.sigmas();
        double eta = s.eta();
        boolean heun = s.solverType().equals("heun");
        for (int i = 0; i < g.steps(); i++) {
            double next = sig[i + 1];
            b.step(sig[i], next);
            int d = Steps.ring(1, 2, i), old = Steps.ring(1, 2, i - 1);
            b.denoise(d, 0, sig[i]);
            if (next == 0) {
                b.combine(0, 0, 0, d, 1);
                continue;
            }
            double h = Math.log(sig[i] / next), etaH = eta * h, a = -Math.expm1(-h - etaH);
            if (h == 0) { // a repeated sigma: the step is a no-op (docs/math.md §3.3, pitfalls)
                b.combine(0, 0, next, 0, 1);
                continue;
            }
            double noise = eta == 0 ? 0 : s.sNoise() * next * Math.sqrt(-Math.expm1(-2 * etaH));
            double xCoef = next / sig[i] * Math.exp(-etaH);
            if (i == 0) {
                b.combine(0, noise, next, 0, xCoef, d, a);
            } else {
                double invR = h / Math.log(sig[i - 1] / sig[i]);
                double c = (heun ? 1 - a / (h + etaH) : 0.5 * a) * invR;
                b.combine(0, noise, next, 0, xCoef, d, a + c, old, -c);
            }
        }
        return b.build(g.outputSigma());
    }
}
