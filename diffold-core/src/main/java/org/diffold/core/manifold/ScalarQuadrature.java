package org.diffold.core.manifold;

/**
 * {@link VectorQuadrature}'s two passes in scalar form, lane by lane in the vector order (docs/math.md §9): nodes
 * j = 4q + l of a run's whole groups of 4 add into lane l's accumulators (the FMA the vector pass uses), a group
 * with no node at or above the floor is skipped, the lanes are summed as (v_0 + v_1) + (v_2 + v_3), then the
 * run's last partial group is added node by node. So a JVM without {@code jdk.incubator.vector}, or with
 * {@code -Ddiffold.scalar=true}, gives the same bits as the vector pass. Also holds the quadrature's exp.
 */
final class ScalarQuadrature {
    /** Vector lanes the pass emulates (a 256-bit vector of doubles). */
    static final int LANES = 4;
    /** Scratch {@link #weigh} and {@link VectorQuadrature#weigh} need: the four accumulators' lanes. */
    static final int LANE_SCRATCH = 4 * LANES;

    private ScalarQuadrature() {}

    /** Writes l_j into logit[from..to) and returns their maximum, as {@link VectorQuadrature#logits} does. */
    static double logits(int from, int to, int m, int cap, double[] p, double[] logW, double[] logit, double[] y,
                         double inv) {
        double max = Double.NEGATIVE_INFINITY;
        int j = from, bound = from + ((to - from) & -LANES);
        for (; j < bound; j++) max = Math.max(max, logit(j, m, cap, p, logW, logit, y, inv));
        for (; j < to; j++) {
            double v = logit(j, m, cap, p, logW, logit, y, inv);
            if (v > max) max = v;
        }
        return max;
    }

    private static double logit(int j, int m, int cap, double[] p, double[] logW, double[] logit, double[] y,
                                double inv) {
        double e0 = y[0] - p[j], e1 = y[1] - p[cap + j];
        double d2 = e0 * e0 + e1 * e1;
        if (m == 3) { double e2 = y[2] - p[2 * cap + j]; d2 = d2 + e2 * e2; }
        double v = logW[j] - d2 * inv;
        logit[j] = v;
        return v;
    }

    /** {@link VectorQuadrature#weigh} in the vector order: the same arguments, the same result bits. */
    static double weigh(int[] run, int n, int m, int cap, double[] p, double[] logit, double max, double floor,
                        double[] mean, double[] lanes) {
        java.util.Arrays.fill(lanes, 0, LANE_SCRATCH, 0.0);
        int j = 0, count = 0;
        for (int i = 0; i < n; i += 2) {
            count = run[i + 1];
            int bound = run[i] + ((count - run[i]) & -LANES);
            for (j = run[i]; j < bound; j += LANES) {
                boolean any = logit[j] >= floor || logit[j + 1] >= floor || logit[j + 2] >= floor
                        || logit[j + 3] >= floor;
                if (!any) continue;
                for (int l = 0; l < LANES; l++) {
                    double e = logit[j + l] >= floor ? exp(logit[j + l] - max) : 0.0;
                    lanes[l] += e;
                    lanes[LANES + l] = Math.fma(p[j + l], e, lanes[LANES + l]);
                    lanes[2 * LANES + l] = Math.fma(p[cap + j + l], e, lanes[2 * LANES + l]);
                    if (m == 3) lanes[3 * LANES + l] = Math.fma(p[2 * cap + j + l], e, lanes[3 * LANES + l]);
                }
            }
        }
        double d = sum(lanes, 0);
        mean[0] = sum(lanes, LANES);
        mean[1] = sum(lanes, 2 * LANES);
        if (m == 3) mean[2] = sum(lanes, 3 * LANES);
        return tail(j, count, m, cap, p, logit, max, floor, mean, d);
    }

    /** The last partial group, node by node after the lane sums (shared by both passes). */
    static double tail(int j, int count, int m, int cap, double[] p, double[] logit, double max, double floor,
                       double[] mean, double d) {
        for (; j < count; j++) {
            if (logit[j] < floor) continue;
            double e = exp(logit[j] - max);
            d += e;
            for (int r = 0; r < m; r++) mean[r] += e * p[r * cap + j];
        }
        return d;
    }

    /**
     * (v_0 + v_1) + (v_2 + v_3) of the lanes stored at lanes[o..o+4): a fixed order (the vector API's reduceLanes(ADD)
     * leaves the order open, and its compiled and interpreted forms differ in the last bits).
     */
    static double sum(double[] lanes, int o) { return (lanes[o] + lanes[o + 1]) + (lanes[o + 2] + lanes[o + 3]); }

    static final double INV_LN2 = 0x1.71547652b82fep0, LN2_HI = 0x1.62e42fee00000p-1, LN2_LO = 0x1.a39ef35793c76p-33;
    static final double SHIFTER = 0x1.8p52; // 1.5 * 2^52: adding it rounds to an integer
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** 1/n! for n = 13..2 (Taylor series of e^r - 1 - r, highest first). */
    static final double[] TAYLOR = new double[12];

    static {
        for (int n = 13, i = 0; n >= 2; n--, i++) {
            double f = 1;
            for (int q = 2; q <= n; q++) f *= q;
            TAYLOR[i] = 1 / f;
        }
    }

    /**
     * e^x for x &lt;= 0 from +, *, FMA and bit operations only, so the same bits whether compiled or interpreted
     * (the JDK's vector EXP is not: its intrinsic and its Java fallback differ in the last bits). x is clamped at
     * -700; e^x = 2^k e^r with k = rint(x / ln 2), r = x - k ln 2 (ln 2 in two parts, |r| &lt;= 0.347) and e^r by
     * its Taylor polynomial to r^13 (truncation under 5e-18): relative error below 4e-16 (docs/math.md §9).
     * {@link VectorQuadrature#weigh} runs the same operations on vectors.
     */
    static double exp(double x) {
        x = Math.max(x, -700.0);
        double t = Math.fma(x, INV_LN2, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) p = Math.fma(p, r, TAYLOR[i]);
        double er = Math.fma(r * r, p, r) + 1.0;
        long scale = (Double.doubleToRawLongBits(t) - SHIFTER_BITS + 1023) << 52;
        return er * Double.longBitsToDouble(scale);
    }
}
