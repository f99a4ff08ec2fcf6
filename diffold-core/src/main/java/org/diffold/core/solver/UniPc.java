package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code unipc}: UniPC with B(h) = expm1(-h) ({@code bh2}, default) or -h ({@code bh1}), data prediction, Zhao et al.
 * 2302.04867 in diffusers' UniPCMultistepScheduler form, written in the variance-exploding view (docs/math.md §3.3).
 * lambda = -log sigma; a step from s_0 = sigma_i to t = sigma_{i+1} with h = lambda_t - lambda_{s_0} and order p:
 * <ul>
 * <li>predictor UniP-p: x_t = (t/s_0) x - expm1(-h) D_0 - B(h) sum_{k&lt;p-1} rho^p_k (D_{-k-1} - D_0)/r_k,
 *     r_k = (lambda_{s_{-k-1}} - lambda_{s_0}) / h; rho^p = 1/2 for p = 2, else the solution of the Vandermonde
 *     system R rho = b on the first p-1 nodes;
 * <li>corrector UniC-p (after the next denoiser call, at no extra cost): the same formula from the previous
 *     corrected sample with the new D_t as an extra node (r = 1), rho^c = 1/2 for p = 1, else R rho = b on all p nodes;
 * <li>b_m = h phi_{m+1}(-h) m! / B(h) with h phi_1(-h) = expm1(-h) and h phi_{m+1} = h phi_m / (-h) - 1/m!.
 * </ul>
 * The order ramps up as the history fills (warm-up) and falls to 1 on the last step ({@code lower_order_final});
 * a step to sigma = 0 returns D. The denoiser is evaluated at the uncorrected prediction, as UniPC does.
 * Settings: order (default 2, 1..3), solver_type (bh2 | bh1), corrector (true), lower_order_final (true), init.
 */
public final class UniPc implements Solver {
    private final SolverSettings s;

    /** UniPC with the settings. */
    public UniPc(SolverSettings settings) {
        settings.only("unipc", "order", "solver_type", "corrector", "lower_order_final", "init");
        if (!settings.solverType().equals("bh2") && !settings.solverType().equals("bh1")) {
            throw new IllegalArgumentException("sampler unipc: solver_type='" + settings.solverType() + "' is not allowed; expected bh2 or bh1");
        }
        if (settings.order() > 3) throw new IllegalArgumentException("sampler unipc: order=" + settings.order() + " is not allowed; expected 1, 2 or 3");
        this.s = settings;
    }

    @Override public String name() { return s.describe("unipc"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        int order = s.order(), ring = order + 1, n = g.steps();
        // R_0 prediction (denoiser input), R_1 corrected sample, R_2.. ring of denoiser outputs
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 2 + ring, s.initStd(g.sigmaMax()));
        double[] sig = g.sigmas();
        int previousOrder = 0;
        for (int i = 0; i < n; i++) {
            double next = sig[i + 1];
            b.step(sig[i], next);
            b.denoise(Steps.ring(2, ring, i), 0, sig[i]);
            if (i > 0 && s.corrector()) {
                update(b, 1, 1, sig, i - 1, i, previousOrder, true, ring);
            } else {
                b.combine(1, 0, Double.NaN, 0, 1);
            }
            int p = Math.min(order, i + 1);
            if (s.lowerOrderFinal()) p = Math.min(p, n - i);
            if (next == 0) {
                b.combine(0, 0, 0, Steps.ring(2, ring, i), 1);
            } else {
                update(b, 0, 1, sig, i, i + 1, p, false, ring);
            }
            previousOrder = p;
        }
        return b.build(g.outputSigma());
    }

    /**
     * Writes into R_dst the UniP (corrector = false) or UniC update from the sample in R_from at sigma_{i0} to
     * sigma_{i1}, with D_0 = D at i0 and, for the corrector, the new D at i1.
     */
    private void update(SolverProgram.Builder b, int dst, int from, double[] sig, int i0, int i1, int p, boolean corrector, int ring) {
        double h = Math.log(sig[i0] / sig[i1]);
        double hh = -h, phi1 = Math.expm1(hh), bh = s.solverType().equals("bh2") ? Math.expm1(hh) : hh;
        int nodes = corrector ? p : p - 1; // history nodes D_{-1}.. used (the corrector adds D_t with r = 1)
        double[] rk = new double[Math.max(p, 1)];
        for (int k = 0; k < p - 1; k++) rk[k] = Math.log(sig[i0] / sig[i0 - k - 1]) / h; // (lambda_{s_k} - lambda_{s_0}) / h
        if (p >= 1) rk[p - 1] = 1;
        double[] rho;
        if (!corrector && p == 2) rho = new double[] {0.5};
        else if (corrector && p == 1) rho = new double[] {0.5};
        else if (nodes == 0) rho = new double[0];
        else rho = solve(rk, bVector(hh, bh, p), corrector ? p : p - 1);
        int d0 = Steps.ring(2, ring, i0);
        // x = (t/s0) x_from - phi1 D0 - bh * (sum_k rho_k (D_{-k-1} - D0) / r_k [+ rho_last (D_t - D0)])
        double[] coef = new double[2 + ring];
        coef[from] += sig[i1] / sig[i0];
        coef[d0] -= phi1;
        for (int k = 0; k < p - 1; k++) {
            double w = -bh * rho[k] / rk[k];
            coef[Steps.ring(2, ring, i0 - k - 1)] += w;
            coef[d0] -= w;
        }
        if (corrector) {
            double w = -bh * rho[p - 1];
            coef[Steps.ring(2, ring, i1)] += w;
            coef[d0] -= w;
        }
        double[] terms = new double[2 * coef.length];
        for (int r = 0; r < coef.length; r++) { terms[2 * r] = r; terms[2 * r + 1] = coef[r]; }
        b.combine(dst, 0, dst == 0 ? sig[i1] : Double.NaN, terms);
    }

    /** b_m = h_phi_{m+1} m! / B(h), m = 1..p, by diffusers' recurrence. */
    static double[] bVector(double hh, double bh, int p) {
        double[] out = new double[p];
        double hPhi = Math.expm1(hh) / hh - 1, factorial = 1;
        for (int m = 1; m <= p; m++) {
            out[m - 1] = hPhi * factorial / bh;
            factorial *= m + 1;
            hPhi = hPhi / hh - 1 / factorial;
        }
        return out;
    }

    /** Solves sum_k rk[k]^(m) rho_k = b_m, m = 0..size-1 (Vandermonde rows), by Gaussian elimination with pivoting. */
    static double[] solve(double[] rk, double[] b, int size) {
        double[][] a = new double[size][size + 1];
        for (int m = 0; m < size; m++) {
            for (int k = 0; k < size; k++) a[m][k] = Math.pow(rk[k], m);
            a[m][size] = b[m];
        }
        for (int c = 0; c < size; c++) {
            int piv = c;
            for (int r = c + 1; r < size; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] tmp = a[c]; a[c] = a[piv]; a[piv] = tmp;
            for (int r = c + 1; r < size; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= size; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[] x = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double v = a[r][size];
            for (int k = r + 1; k < size; k++) v -= a[r][k] * x[k];
            x[r] = v / a[r][r];
        }
        return x;
    }
}
