package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code heun}: Karras et al. Algorithm 2 (k-diffusion sample_heun, diffusers HeunDiscreteScheduler), docs/math.md
 * §3.3. After the churn (as {@link Euler}): d = (x - D(x, sigma_hat)) / sigma_hat, x_2 = x + d dt with
 * dt = sigma_{i+1} - sigma_hat; if sigma_{i+1} &gt; 0, d_2 = (x_2 - D(x_2, sigma_{i+1})) / sigma_{i+1} and
 * x &lt;- x + (d + d_2) dt / 2, else the plain Euler step. Settings as {@link Euler}.
 */
public final class Heun implements Solver {
    private final SolverSettings s;

    /** Heun with the settings. */
    public Heun(SolverSettings settings) {
        settings.only("heun", "s_churn", "s_tmin", "s_tmax", "s_noise", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("heun"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 4, s.initStd(g.sigmaMax())).historyFree();
        int n = g.steps();
        for (int i = 0; i < n; i++) {
            double next = g.sigma(i + 1);
            b.step(g.sigma(i), next);
            double hat = Steps.churn(b, s, g.sigma(i), n);
            b.denoise(1, 0, hat);
            if (next == 0) {
                Steps.euler(b, 0, 0, 1, hat, next, 0, next);
                continue;
            }
            Steps.euler(b, 2, 0, 1, hat, next, 0, Double.NaN);
            b.denoise(3, 2, next);
            double dt = next - hat, a = dt / (2 * hat), c = dt / (2 * next);
            b.combine(0, 0, next, 0, 1 + a, 1, -a, 2, c, 3, -c);
        }
        return b.build(g.outputSigma());
    }
}
