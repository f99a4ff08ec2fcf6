package org.diffold.nn.net;

import java.util.Arrays;
import org.diffold.core.process.NoiseLevel;

/**
 * The per-direction data scale of the {@code edm-pca} preconditioning [ours: a data-driven choice in the spirit of
 * Karras et al. 2206.00364, App. B.6]: the data mean mu, r orthonormal principal directions Q = [q_1 .. q_r] (D x r)
 * with variances s_i^2, and one remainder variance s_rest^2 for every direction orthogonal to span Q (possibly exactly
 * 0, see {@link WhiteningEstimator}). In the basis [Q, complement] the edm formulas of {@link Parameterisation} are
 * applied per direction to y = x - c mu = c (x_0 - mu) + sigma eps, with V_i = c^2 s_i^2 + sigma^2:
 * <pre>
 * c_in_i = 1 / sqrt(V_i),  c_skip_i = c s_i^2 / V_i,  c_out_i = sigma s_i / sqrt(V_i),
 * m(x) = mu + sum_i q_i (c_skip_i z_i + c_out_i g_i) + (c_skip_rest y_perp + c_out_rest F_perp),
 * </pre>
 * z = Q^T y, g = Q^T F, y_perp = y - Q z. Through Tweedie (docs/math.md §1.1), s = (c m - x) / sigma^2 is, per
 * direction, -y_i / V_i + c s_i F_i / (sigma sqrt(V_i)); with s_rest = 0 the complement of the score is exactly
 * -y_perp / sigma^2, the exact score of data on span Q. Everything is O(D r) per row and stays in ambient coordinates
 * (no D x D matrix): a per-direction factor a_i with remainder factor a_rest acts as
 * v -> a_rest v + sum_i q_i (a_i - a_rest) (q_i . v).
 */
public final class Whitening {
    private final int dim, rank;
    private final double[] mu, q, var;
    private final double varRest;

    /**
     * @param mu the mean (D values)
     * @param q the directions, row-major D x r (q[j r + i] = coordinate j of q_i), orthonormal columns
     * @param var the variances s_i^2 (r values, each > 0)
     * @param varRest the remainder variance s_rest^2 (>= 0; 0 means the data has no spread outside span Q)
     */
    public Whitening(double[] mu, double[] q, double[] var, double varRest) {
        int d = mu.length, r = var.length;
        if (d < 1) throw new IllegalArgumentException("whitening mean must have >= 1 values, got " + d);
        if (r > d || q.length != d * r) {
            throw new IllegalArgumentException("whitening directions must be D x r = " + d + " x " + r + ", got " + q.length + " values");
        }
        for (double v : var) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("whitening variances must be in (0, inf), got " + v);
        }
        if (!(varRest >= 0 && varRest < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("whitening remainder variance must be in [0, inf), got " + varRest);
        }
        this.dim = d;
        this.rank = r;
        this.mu = mu.clone();
        this.q = q.clone();
        this.var = var.clone();
        this.varRest = varRest;
    }

    /** D. */
    public int dim() { return dim; }

    /** r, the number of principal directions. */
    public int rank() { return rank; }

    /** The remainder variance s_rest^2. */
    public double varRest() { return varRest; }

    /** A copy of mu. */
    public double[] mean() { return mu.clone(); }

    /** A copy of Q, row-major D x r. */
    public double[] directions() { return q.clone(); }

    /** A copy of the variances s_i^2. */
    public double[] variances() { return var.clone(); }

    /** z = Q^T v for v = in[off .. off + D) minus {@code muScale} mu; writes r values into z. */
    private void project(double[] in, int off, double muScale, double[] z) {
        Arrays.fill(z, 0, rank, 0);
        for (int j = 0; j < dim; j++) {
            double v = in[off + j] - muScale * mu[j];
            int qo = j * rank;
            for (int i = 0; i < rank; i++) z[i] += q[qo + i] * v;
        }
    }

    private static double secondMoment(NoiseLevel level, double v) { return level.alphaBar() * v + level.sigma2(); }

    /**
     * The network input c_in y (ambient coordinates, float32) for x[xOff .. xOff + D) at {@code level}.
     *
     * @param scratch at least {@link #scratchSize()} doubles
     */
    public void writeInput(NoiseLevel level, double[] x, int xOff, float[] out, int outOff, double[] scratch) {
        double c = level.c();
        project(x, xOff, c, scratch);
        double aRest = 1 / Math.sqrt(secondMoment(level, varRest));
        for (int i = 0; i < rank; i++) scratch[i] *= 1 / Math.sqrt(secondMoment(level, var[i])) - aRest;
        for (int j = 0; j < dim; j++) {
            double v = aRest * (x[xOff + j] - c * mu[j]);
            int qo = j * rank;
            for (int i = 0; i < rank; i++) v += q[qo + i] * scratch[i];
            out[outOff + j] = (float) v;
        }
    }

    /**
     * The score at x[xOff .. xOff + D) from the network output f[fOff .. fOff + D), into s[sOff .. sOff + D):
     * per direction -y_i / V_i + c s_i F_i / (sigma sqrt(V_i)).
     */
    public void toScore(NoiseLevel level, double[] x, int xOff, float[] f, int fOff, double[] s, int sOff, double[] scratch) {
        double c = level.c(), sigma = Math.sqrt(level.sigma2());
        project(x, xOff, c, scratch);
        double vr = secondMoment(level, varRest), yRest = -1 / vr, fRest = c * Math.sqrt(varRest / vr) / sigma;
        for (int i = 0; i < rank; i++) {
            double vi = secondMoment(level, var[i]);
            scratch[i] *= -1 / vi - yRest;
            double g = 0;
            for (int j = 0; j < dim; j++) g += q[j * rank + i] * f[fOff + j];
            scratch[i] += (c * Math.sqrt(var[i] / vi) / sigma - fRest) * g;
        }
        for (int j = 0; j < dim; j++) {
            double v = yRest * (x[xOff + j] - c * mu[j]) + fRest * f[fOff + j];
            int qo = j * rank;
            for (int i = 0; i < rank; i++) v += q[qo + i] * scratch[i];
            s[sOff + j] = v;
        }
    }

    /**
     * The DSM regression target for x = c x0 + sigma eps (docs/math.md §1.1), per direction
     * (sigma u_i - c s_i^2 eps_i) / (s_i sqrt(V_i)) with u = x0 - mu; 0 in the complement when s_rest = 0 (where
     * c_out = 0, so F_perp does not reach the score and its loss weight is 0).
     */
    public void target(NoiseLevel level, double[] x0, double[] eps, float[] out, int outOff, double[] scratch) {
        double c = level.c(), sigma = Math.sqrt(level.sigma2());
        project(x0, 0, 1, scratch);
        Arrays.fill(scratch, rank, 2 * rank, 0);
        for (int j = 0; j < dim; j++) {
            int qo = j * rank;
            for (int i = 0; i < rank; i++) scratch[rank + i] += q[qo + i] * eps[j];
        }
        double sr = Math.sqrt(varRest), vr = secondMoment(level, varRest);
        double aU = sr > 0 ? sigma / (sr * Math.sqrt(vr)) : 0, aE = sr > 0 ? -c * sr / Math.sqrt(vr) : 0;
        for (int i = 0; i < rank; i++) {
            double si = Math.sqrt(var[i]), vi = secondMoment(level, var[i]);
            scratch[i] = (sigma / (si * Math.sqrt(vi)) - aU) * scratch[i] + (-c * si / Math.sqrt(vi) - aE) * scratch[rank + i];
        }
        for (int j = 0; j < dim; j++) {
            double v = aU * (x0[j] - mu[j]) + aE * eps[j];
            int qo = j * rank;
            for (int i = 0; i < rank; i++) v += q[qo + i] * scratch[i];
            out[outOff + j] = (float) v;
        }
    }

    /** |ds_i / dF_i| = c s_i / (sigma sqrt(V_i)) for direction i in [0, r), or the remainder for i = r. */
    public double scoreJacobian(NoiseLevel level, int i) {
        double v = i == rank ? varRest : var[i];
        return level.c() * Math.sqrt(v / secondMoment(level, v)) / Math.sqrt(level.sigma2());
    }

    /** Doubles of scratch the per-row methods need: 2 r. */
    public int scratchSize() { return 2 * rank; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Whitening w && w.varRest == varRest && Arrays.equals(w.mu, mu) && Arrays.equals(w.q, q)
                && Arrays.equals(w.var, var);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(mu) + Arrays.hashCode(var); }

    @Override
    public String toString() { return "Whitening[D=" + dim + ", r=" + rank + ", varRest=" + varRest + "]"; }
}
