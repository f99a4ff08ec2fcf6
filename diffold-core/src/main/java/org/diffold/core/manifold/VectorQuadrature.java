package org.diffold.core.manifold;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CurveQuadrature}'s two passes over the nodes for curves in R^2 and R^3 on the JDK Vector API (docs/math.md
 * §5, §9): the log weights l_j = log w_j - |y - c phi(theta_j)|^2 / (2 sigma^2) and their maximum, then
 * den = sum_j e^{l_j - max} and sum_j e^{l_j - max} c phi(theta_j) over the nodes with l_j >= floor, with a
 * vectorised exp. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorQuadrature {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorQuadrature() {}

    /** Writes l_j into logit[0..count) and returns max_j l_j. */
    static double logits(int count, int m, int cap, double[] p, double[] logW, double[] logit, double[] y, double inv) {
        DoubleVector y0 = DoubleVector.broadcast(S, y[0]), y1 = DoubleVector.broadcast(S, y[1]);
        DoubleVector y2 = DoubleVector.broadcast(S, m == 3 ? y[2] : 0), vinv = DoubleVector.broadcast(S, inv);
        DoubleVector vmax = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        int j = 0, bound = S.loopBound(count);
        for (; j < bound; j += S.length()) {
            DoubleVector e0 = y0.sub(DoubleVector.fromArray(S, p, j)), e1 = y1.sub(DoubleVector.fromArray(S, p, cap + j));
            DoubleVector d2 = e0.mul(e0).add(e1.mul(e1));
            if (m == 3) { DoubleVector e2 = y2.sub(DoubleVector.fromArray(S, p, 2 * cap + j)); d2 = d2.add(e2.mul(e2)); }
            DoubleVector v = DoubleVector.fromArray(S, logW, j).sub(d2.mul(vinv));
            v.intoArray(logit, j);
            vmax = vmax.max(v);
        }
        double max = vmax.reduceLanes(VectorOperators.MAX);
        for (; j < count; j++) {
            double d2 = 0;
            for (int r = 0; r < m; r++) { double e = y[r] - p[r * cap + j]; d2 += e * e; }
            double v = logW[j] - d2 * inv;
            logit[j] = v;
            if (v > max) max = v;
        }
        return max;
    }

    /** Writes sum_j e^{l_j - max} p_r(j) into mean[0..m) over the nodes with l_j >= floor; returns the sum of weights. */
    static double weigh(int count, int m, int cap, double[] p, double[] logit, double max, double floor, double[] mean) {
        DoubleVector vmax = DoubleVector.broadcast(S, max), zero = DoubleVector.zero(S);
        DoubleVector den = zero, a0 = zero, a1 = zero, a2 = zero;
        int j = 0, bound = S.loopBound(count);
        for (; j < bound; j += S.length()) {
            DoubleVector l = DoubleVector.fromArray(S, logit, j);
            VectorMask<Double> keep = l.compare(VectorOperators.GE, floor);
            if (!keep.anyTrue()) continue;
            DoubleVector e = l.sub(vmax).lanewise(VectorOperators.EXP).blend(zero, keep.not());
            den = den.add(e);
            a0 = DoubleVector.fromArray(S, p, j).fma(e, a0);
            a1 = DoubleVector.fromArray(S, p, cap + j).fma(e, a1);
            if (m == 3) a2 = DoubleVector.fromArray(S, p, 2 * cap + j).fma(e, a2);
        }
        double d = den.reduceLanes(VectorOperators.ADD);
        mean[0] = a0.reduceLanes(VectorOperators.ADD);
        mean[1] = a1.reduceLanes(VectorOperators.ADD);
        if (m == 3) mean[2] = a2.reduceLanes(VectorOperators.ADD);
        for (; j < count; j++) {
            if (logit[j] < floor) continue;
            double e = Math.exp(logit[j] - max);
            d += e;
            for (int r = 0; r < m; r++) mean[r] += e * p[r * cap + j];
        }
        return d;
    }
}
