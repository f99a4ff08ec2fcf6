package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code ddim}: Song et al. 2010.02502 Eq. 12 on the grid's (spaced) timesteps (diffusers DDIMScheduler with eta),
 * docs/math.md §3.3. With abar = 1/(1 + sigma^2) at the step's two levels (abar' = 1 at sigma = 0, diffusers'
 * set_alpha_to_one) and x_0 = D(x, sigma), in the variance-preserving view
 * x' = sqrt(abar') x_0 + sqrt(1 - abar' - s^2) eps + s Z, eps = (x - sqrt(abar) x_0)/sqrt(1 - abar),
 * s^2 = eta^2 (1 - abar')/(1 - abar) (1 - abar/abar'). Run in the variance-exploding view (divide by sqrt(abar')).
 * It equals {@link Euler} for eta = 0 and {@link EulerAncestral} for 0 &lt;= eta &lt;= 1 [derived]; the previous
 * timestep is always the grid's next entry (never diffusers' stride t - T/S, which is wrong for trailing and
 * linspace spacings). Settings: eta (default 0), init.
 */
public final class Ddim implements Solver {
    private final SolverSettings s;
    private final double eta;

    /** DDIM with the settings (eta defaults to 0 here, as in diffusers). */
    public Ddim(SolverSettings settings) {
        settings.only("ddim", "eta", "init");
        this.s = settings;
        this.eta = settings.given().containsKey("eta") ? settings.eta() : 0;
    }

    @Override public String name() { return s.describe("ddim"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 2, s.initStd(g.sigmaMax())).historyFree();
        for (int i = 0; i < g.steps(); i++) {
            double sig = g.sigma(i), next = g.sigma(i + 1);
            b.step(sig, next);
            b.denoise(1, 0, sig);
            double abar = 1 / (1 + sig * sig), abarNext = 1 / (1 + next * next);
            double oneMinus = sig * sig * abar, oneMinusNext = next * next * abarNext; // 1 - abar, cancellation-free
            double s2 = eta * eta * oneMinusNext / oneMinus * (1 - abar / abarNext);
            double epsCoef = Math.sqrt(Math.max(0, oneMinusNext - s2));
            // VP: x' = sqrt(abar') x0 + epsCoef (x_vp - sqrt(abar) x0)/sqrt(1 - abar) + s Z, x_vp = sqrt(abar) x_ve
            double root = Math.sqrt(abarNext);
            double xCoef = epsCoef * Math.sqrt(abar) / Math.sqrt(oneMinus) / root;
            b.combine(0, Math.sqrt(s2) / root, next, 0, xCoef, 1, 1 - xCoef);
        }
        return b.build(g.outputSigma());
    }
}
