package org.diffold.core.manifold;

import static org.diffold.core.manifold.ScalarQuadrature.INV_LN2;
import static org.diffold.core.manifold.ScalarQuadrature.LN2_HI;
import static org.diffold.core.manifold.ScalarQuadrature.LN2_LO;
import static org.diffold.core.manifold.ScalarQuadrature.SHIFTER;
import static org.diffold.core.manifold.ScalarQuadrature.SHIFTER_BITS;
import static org.diffold.core.manifold.ScalarQuadrature.TAYLOR;
import static org.diffold.core.manifold.ScalarQuadrature.sum;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CurveQuadrature}'s two passes over the nodes for curves in R^2 and R^3 on the JDK Vector API (docs/math.md
 * §5, §9): the log weights l_j = log w_j - |y - c phi(theta_j)|^2 / (2 sigma^2) and their maximum, then
 * den = sum_j e^{l_j - max} and sum_j e^{l_j - max} c phi(theta_j) over the nodes with l_j >= floor, with a
 * vectorised exp of fixed bits (the operations of {@link ScalarQuadrature#exp(double)}); {@link ScalarQuadrature}
 * runs the same operations lane by lane. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorQuadrature {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorQuadrature() {}

    /** Writes l_j into logit[from..to) and returns their maximum (from a multiple of 4 unless the range is whole). */
    static double logits(int from, int to, int m, int cap, double[] p, double[] logW, double[] logit, double[] y,
                         double inv) {
        DoubleVector y0 = DoubleVector.broadcast(S, y[0]), y1 = DoubleVector.broadcast(S, y[1]);
        DoubleVector y2 = DoubleVector.broadcast(S, m == 3 ? y[2] : 0), vinv = DoubleVector.broadcast(S, inv);
        DoubleVector vmax = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        int j = from, bound = from + S.loopBound(to - from);
        for (; j < bound; j += S.length()) {
            DoubleVector e0 = y0.sub(DoubleVector.fromArray(S, p, j)), e1 = y1.sub(DoubleVector.fromArray(S, p, cap + j));
            DoubleVector d2 = e0.mul(e0).add(e1.mul(e1));
            if (m == 3) { DoubleVector e2 = y2.sub(DoubleVector.fromArray(S, p, 2 * cap + j)); d2 = d2.add(e2.mul(e2)); }
            DoubleVector v = DoubleVector.fromArray(S, logW, j).sub(d2.mul(vinv));
            v.intoArray(logit, j);
            vmax = vmax.max(v);
        }
        double max = vmax.reduceLanes(VectorOperators.MAX);
        for (; j < to; j++) {
            double d2 = 0;
            for (int r = 0; r < m; r++) { double e = y[r] - p[r * cap + j]; d2 += e * e; }
            double v = logW[j] - d2 * inv;
            logit[j] = v;
            if (v > max) max = v;
        }
        return max;
    }

    /**
     * Writes sum_j e^{l_j - max} p_r(j) into mean[0..m) over the nodes with l_j >= floor in the ranges
     * [run[2i], run[2i+1]) (2i < n; starts at multiples of 4, only the last may end off one); returns the sum of
     * weights. The accumulators run on across ranges, so skipped ranges change nothing when they hold no node above
     * the floor. {@code lanes} is scratch of at least {@link ScalarQuadrature#LANE_SCRATCH} doubles.
     */
    static double weigh(int[] run, int n, int m, int cap, double[] p, double[] logit, double max, double floor,
                        double[] mean, double[] lanes) {
        DoubleVector vmax = DoubleVector.broadcast(S, max), zero = DoubleVector.zero(S);
        DoubleVector den = zero, a0 = zero, a1 = zero, a2 = zero;
        DoubleVector vInvLn2 = DoubleVector.broadcast(S, INV_LN2), vShifter = DoubleVector.broadcast(S, SHIFTER);
        DoubleVector vLn2Hi = DoubleVector.broadcast(S, -LN2_HI), vLn2Lo = DoubleVector.broadcast(S, -LN2_LO);
        DoubleVector vT0 = DoubleVector.broadcast(S, TAYLOR[0]), vT1 = DoubleVector.broadcast(S, TAYLOR[1]);
        DoubleVector vT2 = DoubleVector.broadcast(S, TAYLOR[2]), vT3 = DoubleVector.broadcast(S, TAYLOR[3]);
        DoubleVector vT4 = DoubleVector.broadcast(S, TAYLOR[4]), vT5 = DoubleVector.broadcast(S, TAYLOR[5]);
        DoubleVector vT6 = DoubleVector.broadcast(S, TAYLOR[6]), vT7 = DoubleVector.broadcast(S, TAYLOR[7]);
        DoubleVector vT8 = DoubleVector.broadcast(S, TAYLOR[8]), vT9 = DoubleVector.broadcast(S, TAYLOR[9]);
        DoubleVector vT10 = DoubleVector.broadcast(S, TAYLOR[10]), vT11 = DoubleVector.broadcast(S, TAYLOR[11]);
        int j = 0, count = 0;
        for (int i = 0; i < n; i += 2) {
            count = run[i + 1];
            int bound = run[i] + S.loopBound(count - run[i]);
            for (j = run[i]; j < bound; j += S.length()) {
                DoubleVector l = DoubleVector.fromArray(S, logit, j);
                VectorMask<Double> keep = l.compare(VectorOperators.GE, floor);
                if (!keep.anyTrue()) continue;
                // e^(l - max), the operations of ScalarQuadrature.exp lane by lane; written out here so no vector
                // crosses a call (one the JIT does not inline boxes the vector, which made whole runs twice as slow)
                DoubleVector x = l.sub(vmax).max(-700.0);
                DoubleVector t = x.fma(vInvLn2, vShifter);
                DoubleVector kk = t.sub(SHIFTER);
                DoubleVector r = kk.fma(vLn2Hi, x);
                r = kk.fma(vLn2Lo, r);
                DoubleVector q = vT0;
                q = q.fma(r, vT1); q = q.fma(r, vT2); q = q.fma(r, vT3); q = q.fma(r, vT4); q = q.fma(r, vT5);
                q = q.fma(r, vT6); q = q.fma(r, vT7); q = q.fma(r, vT8); q = q.fma(r, vT9); q = q.fma(r, vT10);
                q = q.fma(r, vT11);
                DoubleVector er = r.mul(r).fma(q, r).add(1.0);
                LongVector scale = t.reinterpretAsLongs().sub(SHIFTER_BITS).add(1023).lanewise(VectorOperators.LSHL, 52);
                DoubleVector e = er.mul(scale.reinterpretAsDoubles()).blend(zero, keep.not());
                den = den.add(e);
                a0 = DoubleVector.fromArray(S, p, j).fma(e, a0);
                a1 = DoubleVector.fromArray(S, p, cap + j).fma(e, a1);
                if (m == 3) a2 = DoubleVector.fromArray(S, p, 2 * cap + j).fma(e, a2);
            }
        }
        den.intoArray(lanes, 0);
        a0.intoArray(lanes, 4);
        a1.intoArray(lanes, 8);
        a2.intoArray(lanes, 12);
        double d = sum(lanes, 0);
        mean[0] = sum(lanes, 4);
        mean[1] = sum(lanes, 8);
        if (m == 3) mean[2] = sum(lanes, 12);
        return ScalarQuadrature.tail(j, count, m, cap, p, logit, max, floor, mean, d);
    }
}
