package org.diffold.core.error.solver;

import org.diffold.core.solver.SolverProgram;

/**
 * The exact law of one coordinate under a {@link SolverProgram} with the exact score (docs/math.md §4.1, §4.2): if
 * the coordinate's data law is N(0, lambda) (lambda = 0: a point-mass / complement coordinate), its noised law at
 * level sigma is N(0, lambda + sigma^2) and the exact denoiser is linear, D(x, sigma) = w x with
 * w = lambda / (lambda + sigma^2). Every operation is then linear in the registers plus independent noise, so their
 * covariance P evolves as P &lt;- A P A^T + n^2 e e^T with A the operation's row: for R_dst = sum_j c_j R_j + n Z,
 * P_{dst,k} = sum_j c_j P_{j,k} (k != dst) and P_{dst,dst} = sum_{j,l} c_j c_l P_{j,l} + n^2, from P = initStd^2 e_0 e_0^T.
 * Cost O(ops x registers^2), independent of D.
 */
public final class ProgramCovariance {
    private ProgramCovariance() {}

    /** The output variance Var(R_0) for a coordinate with data variance lambda >= 0. */
    public static double outputVariance(SolverProgram p, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        int m = p.registers();
        double[][] cov = new double[m][m];
        double[] row = new double[m];
        cov[0][0] = p.initStd() * p.initStd();
        for (int op = 0; op < p.size(); op++) {
            int dst = p.dst(op);
            java.util.Arrays.fill(row, 0);
            double diag;
            if (p.kind(op) == SolverProgram.DENOISE) {
                double s = p.sigma(op), w = lambda / (lambda + s * s);
                int src = p.src(op);
                for (int k = 0; k < m; k++) row[k] = w * cov[src][k];
                diag = w * row[src];
            } else {
                int t0 = p.termFrom(op), t1 = p.termFrom(op + 1);
                for (int t = t0; t < t1; t++) {
                    double cf = p.termCoefficient(t);
                    double[] r = cov[p.termRegister(t)];
                    for (int k = 0; k < m; k++) row[k] += cf * r[k];
                }
                diag = 0;
                for (int t = t0; t < t1; t++) diag += p.termCoefficient(t) * row[p.termRegister(t)];
                double n = p.noise(op);
                diag += n * n;
            }
            for (int k = 0; k < m; k++) { cov[dst][k] = row[k]; cov[k][dst] = row[k]; }
            cov[dst][dst] = diag;
            if (!Double.isFinite(diag)) {
                throw new ArithmeticException("covariance became non-finite in " + p.stepLabel(p.step(op)) + " of " + p.name());
            }
        }
        return cov[0][0];
    }
}
