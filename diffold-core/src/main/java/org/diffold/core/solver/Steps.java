package org.diffold.core.solver;

/** Step formulas several solvers share (docs/math.md §3.3). */
final class Steps {
    private Steps() {}

    /**
     * k-diffusion's get_ancestral_step: sigma_up = min(sigma_to, eta sqrt(sigma_to^2 (sigma_from^2 - sigma_to^2) / sigma_from^2)),
     * sigma_down = sqrt(sigma_to^2 - sigma_up^2); returns {down, up}.
     */
    static double[] ancestral(double from, double to, double eta) {
        if (eta == 0) return new double[] {to, 0};
        double up = Math.min(to, eta * Math.sqrt(to * to * (from * from - to * to) / (from * from)));
        return new double[] {Math.sqrt(to * to - up * up), up};
    }

    /**
     * Euler step of the probability-flow ODE dx/dsigma = (x - D) / sigma from sigma to {@code to}:
     * x &lt;- x + (x - D)(to - sigma)/sigma = (to/sigma) x + (1 - to/sigma) D; writes R_dst from R_x and R_d.
     */
    static void euler(SolverProgram.Builder b, int dst, int x, int d, double sigma, double to, double noise, double levelAfter) {
        double q = to / sigma;
        b.combine(dst, noise, levelAfter, x, q, d, 1 - q);
    }

    /** Karras churn: raises x from sigma to sigma_hat = sigma (1 + gamma) with noise s_noise sqrt(sigma_hat^2 - sigma^2); returns sigma_hat. */
    static double churn(SolverProgram.Builder b, SolverSettings s, double sigma, int steps) {
        double gamma = s.churn(sigma, steps);
        double hat = sigma * (gamma + 1);
        if (gamma > 0) b.combine(0, s.sNoise() * Math.sqrt(hat * hat - sigma * sigma), hat, 0, 1);
        return hat;
    }

    /** Register index of history slot i in a ring of {@code size} registers starting at {@code first}. */
    static int ring(int first, int size, int i) {
        return first + Math.floorMod(i, size);
    }
}
