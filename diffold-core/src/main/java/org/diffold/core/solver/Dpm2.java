package org.diffold.core.solver;

/**
 * {@code dpm2}: DPM-Solver-2 in k-diffusion's form (sample_dpm_2, diffusers KDPM2DiscreteScheduler), docs/math.md
 * §3.3. After the churn: d = (x - D(x, sigma_hat)) / sigma_hat; if sigma_{i+1} &gt; 0, the midpoint
 * sigma_mid = sqrt(sigma_hat sigma_{i+1}) (geometric mean), x_2 = x + d (sigma_mid - sigma_hat),
 * d_2 = (x_2 - D(x_2, sigma_mid)) / sigma_mid, x &lt;- x + d_2 (sigma_{i+1} - sigma_hat); else Euler.
 */
public final class Dpm2 extends ChurnSolver {
    /** DPM2 with the settings. */
    public Dpm2(SolverSettings settings) {
        super("dpm2", 4, settings);
    }

    @Override
    void step(SolverProgram.Builder b, double hat, double next) {
        midpoint(b, hat, next, next, 0);
    }

    /**
     * The DPM-Solver-2 midpoint step from sigma to {@code to} given D(x, sigma) in R_1 (R_2, R_3 scratch), plus noise;
     * shared with {@link Dpm2Ancestral}.
     */
    static void midpoint(SolverProgram.Builder b, double sigma, double to, double levelAfter, double noise) {
        double mid = Math.sqrt(sigma * to);
        Steps.euler(b, 2, 0, 1, sigma, mid, 0, Double.NaN);
        b.denoise(3, 2, mid);
        double c = (to - sigma) / mid;
        b.combine(0, noise, levelAfter, 0, 1, 2, c, 3, -c);
    }
}
