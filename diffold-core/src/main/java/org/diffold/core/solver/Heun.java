package org.diffold.core.solver;

/**
 * {@code heun}: Karras et al. Algorithm 2 (k-diffusion sample_heun, diffusers HeunDiscreteScheduler), docs/math.md
 * §3.3. After the churn (as {@link Euler}): d = (x - D(x, sigma_hat)) / sigma_hat, x_2 = x + d dt with
 * dt = sigma_{i+1} - sigma_hat; if sigma_{i+1} &gt; 0, d_2 = (x_2 - D(x_2, sigma_{i+1})) / sigma_{i+1} and
 * x &lt;- x + (d + d_2) dt / 2, else the plain Euler step. Settings as {@link Euler}.
 */
public final class Heun extends ChurnSolver {
    /** Heun with the settings. */
    public Heun(SolverSettings settings) {
        super("heun", 4, settings);
    }

    @Override
    void step(SolverProgram.Builder b, double hat, double next) {
        Steps.euler(b, 2, 0, 1, hat, next, 0, Double.NaN);
        b.denoise(3, 2, next);
        double dt = next - hat, a = dt / (2 * hat), c = dt / (2 * next);
        b.combine(0, 0, next, 0, 1 + a, 1, -a, 2, c, 3, -c);
    }
}
