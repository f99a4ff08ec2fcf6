package org.diffold.core.sigma;

/**
 * k-diffusion's noise-level schedules as pure functions of n (docs/math.md §3.3); each returns n descending
 * positive sigmas (append the final 0 with {@link SigmaGrid#appendZero()}).
 * <ul>
 * <li>Karras et al. 2206.00364 Eq. 5: sigma_i = (sigma_max^{1/rho} + i/(n-1) (sigma_min^{1/rho} - sigma_max^{1/rho}))^rho.
 * <li>exponential: log sigma linear from log sigma_max to log sigma_min.
 * <li>polyexponential: log sigma = log sigma_min + (1 - i/(n-1))^rho (log sigma_max - log sigma_min).
 * <li>vp (continuous VP-SDE): t = linspace(1, eps_s, n), sigma = sqrt(exp(beta_d t^2 / 2 + beta_min t) - 1).
 * </ul>
 */
public final class SigmaSchedules {
    /** EDM defaults (Karras et al.). */
    public static final double SIGMA_MIN = 0.002, SIGMA_MAX = 80, RHO = 7;
    /** k-diffusion's VP defaults. */
    public static final double BETA_D = 19.9, BETA_MIN = 0.1, EPS_S = 1e-3;

    private SigmaSchedules() {}

    /** Karras et al.'s schedule. */
    public static double[] karras(int n, double sigmaMin, double sigmaMax, double rho) {
        checkRange(n, sigmaMin, sigmaMax);
        if (!(rho > 0) || Double.isInfinite(rho)) throw new IllegalArgumentException("rho must be finite and > 0, got " + rho);
        double lo = Math.pow(sigmaMin, 1 / rho), hi = Math.pow(sigmaMax, 1 / rho);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = Math.pow(hi + ramp(i, n) * (lo - hi), rho);
        s[0] = sigmaMax;
        if (n > 1) s[n - 1] = sigmaMin;
        return s;
    }

    /** Log-uniform sigmas. */
    public static double[] exponential(int n, double sigmaMin, double sigmaMax) {
        return polyexponential(n, sigmaMin, sigmaMax, 1);
    }

    /** Polynomial in log sigma; rho = 1 is {@link #exponential}. */
    public static double[] polyexponential(int n, double sigmaMin, double sigmaMax, double rho) {
        checkRange(n, sigmaMin, sigmaMax);
        if (!(rho > 0) || Double.isInfinite(rho)) throw new IllegalArgumentException("rho must be finite and > 0, got " + rho);
        double lmin = Math.log(sigmaMin), span = Math.log(sigmaMax) - lmin;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = Math.exp(lmin + Math.pow(1 - ramp(i, n), rho) * span);
        return s;
    }

    /** The continuous VP-SDE mapped to sigma. */
    public static double[] vp(int n, double betaD, double betaMin, double epsS) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (!(betaD > 0) || !(betaMin >= 0) || Double.isInfinite(betaD) || Double.isInfinite(betaMin)) {
            throw new IllegalArgumentException("beta_d must be > 0 and beta_min >= 0, got " + betaD + ", " + betaMin);
        }
        if (!(epsS > 0 && epsS < 1)) throw new IllegalArgumentException("eps_s must be in (0, 1), got " + epsS);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 1 + ramp(i, n) * (epsS - 1);
            s[i] = Math.sqrt(Math.expm1(betaD * t * t / 2 + betaMin * t));
        }
        return s;
    }

    /** i / (n - 1), and 0 for n = 1 (torch.linspace with one point). */
    private static double ramp(int i, int n) { return n == 1 ? 0 : (double) i / (n - 1); }

    private static void checkRange(int n, double sigmaMin, double sigmaMax) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (!(sigmaMin > 0) || Double.isInfinite(sigmaMax) || !(sigmaMax > sigmaMin)) {
            throw new IllegalArgumentException("need 0 < sigma_min < sigma_max < inf, got sigma_min=" + sigmaMin + ", sigma_max=" + sigmaMax);
        }
    }
}
