package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code dpmpp-3m-sde}: DPM-Solver++(3M) SDE (k-diffusion sample_dpmpp_3m_sde), docs/math.md §3.3.
 * h = log(sigma_i/sigma_{i+1}), h_eta = (1 + eta) h, phi_2 = expm1(-h_eta)/h_eta + 1, phi_3 = phi_2/h_eta - 1/2:
 * x &lt;- e^{-h_eta} x - expm1(-h_eta) D_i, then with r_0 = h_{i-1}/h, r_1 = h_{i-2}/h, d1_0 = (D_i - D_{i-1})/r_0,
 * d1_1 = (D_{i-1} - D_{i-2})/r_1: + phi_2 [d1_0 + (d1_0 - d1_1) r_0/(r_0 + r_1)] - phi_3 (d1_0 - d1_1)/(r_0 + r_1);
 * with one previous D only: + phi_2 (D_i - D_{i-1})/r_0. Noise s_noise sigma_{i+1} sqrt(-expm1(-2 eta h)) Z.
 * The step to sigma = 0 returns D_i. Settings: eta, s_noise, init.
 */
public final class Dpmpp3mSde implements Solver {
    private final SolverSettings s;

    /** DPM-Solver++(3M) SDE with the settings. */
    public Dpmpp3mSde(SolverSettings settings) {
        settings.only("dpmpp-3m-sde", "eta", "s_noise", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("dpmpp-3m-sde"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 4, s.initStd(g.sigmaMax()));
        double[] sig = g.sigmas();
        double eta = s.eta();
        for (int i = 0; i < g.steps(); i++) {
            double next = sig[i + 1];
            b.step(sig[i], next);
            int d0 = Steps.ring(1, 3, i), d1 = Steps.ring(1, 3, i - 1), d2 = Steps.ring(1, 3, i - 2);
            b.denoise(d0, 0, sig[i]);
            if (next == 0) {
                b.combine(0, 0, 0, d0, 1);
                continue;
            }
            double h = Math.log(sig[i] / next), hEta = h * (eta + 1);
            if (h == 0) { // a repeated sigma: the step is a no-op (docs/math.md §3.3, pitfalls)
                b.combine(0, 0, next, 0, 1);
                continue;
            }
            double noise = eta == 0 ? 0 : s.sNoise() * next * Math.sqrt(-Math.expm1(-2 * h * eta));
            double xCoef = Math.exp(-hEta), a = -Math.expm1(-hEta);
            double phi2 = Math.expm1(-hEta) / hEta + 1, phi3 = phi2 / hEta - 0.5;
            double c0 = a, c1 = 0, c2 = 0;
            if (i >= 2) {
                double r0 = Math.log(sig[i - 1] / sig[i]) / h, r1 = Math.log(sig[i - 2] / sig[i - 1]) / h;
                // d1_0 - d1_1 = D0/r0 - D1 (1/r0 + 1/r1) + D2/r1
                double e0 = 1 / r0, e1 = -1 / r0 - 1 / r1, e2 = 1 / r1, w = r0 / (r0 + r1), v = 1 / (r0 + r1);
                c0 += phi2 * (1 / r0 + w * e0) - phi3 * v * e0;
                c1 += phi2 * (-1 / r0 + w * e1) - phi3 * v * e1;
                c2 += phi2 * (w * e2) - phi3 * v * e2;
            } else if (i == 1) {
                double r = Math.log(sig[i - 1] / sig[i]) / h;
                c0 += phi2 / r;
                c1 -= phi2 / r;
            }
            b.combine(0, noise, next, 0, xCoef, d0, c0, d1, c1, d2, c2);
        }
        return b.build(g.outputSigma());
    }
}
