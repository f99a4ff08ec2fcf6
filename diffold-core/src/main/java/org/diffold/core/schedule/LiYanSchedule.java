package org.diffold.core.schedule;

/**
 * The Li–Yan schedule (docs/math.md §2.1; Li &amp; Yan 2405.14861, same form in 2409.18959 Eq. 2.3):
 * beta_1 = T^{-c0}, beta_{t+1} = (c1 log T / T) min{ beta_1 (1 + c1 log T / T)^t, 1 }, t = 1..T-1.
 * The papers only ask c0, c1 to be large enough; the defaults 2 and 4 are this project's choice.
 */
public final class LiYanSchedule {
    /** Default c0 (ours, docs/math.md §2.1). */
    public static final double DEFAULT_C0 = 2;
    /** Default c1 (ours, docs/math.md §2.1). */
    public static final double DEFAULT_C1 = 4;

    private LiYanSchedule() {}

    /** The schedule with T steps and constants c0, c1 > 0. */
    public static NoiseSchedule create(int steps, double c0, double c1) {
        if (steps < 2) throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        if (!(c0 > 0) || Double.isInfinite(c0)) throw new IllegalArgumentException("c0 must be > 0, got " + c0);
        if (!(c1 > 0) || Double.isInfinite(c1)) throw new IllegalArgumentException("c1 must be > 0, got " + c1);
        double[] b = new double[steps];
        double logT = Math.log(steps);
        double beta1 = Math.exp(-c0 * logT);
        double rate = c1 * logT / steps;
        b[0] = beta1;
        for (int t = 1; t < steps; t++) {
            double grow = Math.min(beta1 * Math.pow(1 + rate, t), 1.0);
            b[t] = rate * grow;
        }
        if (!(b[steps - 1] < 1)) {
            throw new IllegalArgumentException("c1 = " + c1 + " gives beta >= 1 at T = " + steps + "; use a smaller c1");
        }
        return new NoiseSchedule("li-yan:c0=" + fmt(c0) + ",c1=" + fmt(c1), b);
    }

    /** The schedule with the default constants. */
    public static NoiseSchedule create(int steps) {
        return create(steps, DEFAULT_C0, DEFAULT_C1);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
