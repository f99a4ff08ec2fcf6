package org.diffold.core.dimension;

import org.hipparchus.special.Beta;

/**
 * Fisher separability on the uniform sphere S^{m-1} in R^m (Albergante, Bac &amp; Zinovyev, IJCNN 2019;
 * Gorban &amp; Tyukin 2018), docs/math.md §8.1: a point x is Fisher-inseparable from y at margin alpha when
 * (x, y) &gt;= alpha (x, x); for unit vectors this is the spherical cap (x, y) &gt;= alpha, whose probability is
 * <ul>
 *   <li>exact: p(m, alpha) = (1/2) I_{1 - alpha^2}((m-1)/2, 1/2) (regularised incomplete beta; the cap area), which
 *       falls from 1/2 at m = 1 to 0 as m grows;</li>
 *   <li>asymptotic (the paper's): p(m, alpha) ~ (1 - alpha^2)^{(m-1)/2} / (alpha sqrt(2 pi m)), inverted in closed
 *       form m = W(-ln(1 - alpha^2) / (2 pi p^2 alpha^2 (1 - alpha^2))) / (-ln(1 - alpha^2)) (W: Lambert's W).</li>
 * </ul>
 */
final class SphereSeparability {
    private SphereSeparability() {}

    /** The exact inseparable fraction p(m, alpha) of the uniform sphere S^{m-1}, real m >= 1, alpha in (0, 1). */
    static double exact(double m, double alpha) {
        if (m <= 1) return 0.5;
        return 0.5 * Beta.regularizedBeta(1 - alpha * alpha, (m - 1) / 2, 0.5);
    }

    /** The paper's asymptotic p(m, alpha). */
    static double asymptotic(double m, double alpha) {
        return Math.pow(1 - alpha * alpha, (m - 1) / 2) / (alpha * Math.sqrt(2 * Math.PI * m));
    }

    /** The m >= 1 with exact(m, alpha) = p (p in (0, 1/2); 1 for p >= 1/2), by bisection in log m on [1, 1e7]. */
    static double invertExact(double p, double alpha) {
        if (!(p > 0)) throw new IllegalArgumentException("inseparable fraction must be > 0, got " + p);
        if (p >= 0.5) return 1;
        double lo = 0, hi = Math.log(1e7);
        for (int it = 0; it < 200 && hi - lo > 1e-13; it++) {
            double mid = 0.5 * (lo + hi);
            if (exact(Math.exp(mid), alpha) > p) lo = mid; else hi = mid;
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** The paper's closed-form inverse of {@link #asymptotic}. */
    static double invertAsymptotic(double p, double alpha) {
        if (!(p > 0)) throw new IllegalArgumentException("inseparable fraction must be > 0, got " + p);
        double a2 = alpha * alpha, w = Math.log(1 - a2);
        return lambertW(-w / (2 * Math.PI * p * p * a2 * (1 - a2))) / -w;
    }

    /** The principal branch W_0(x) for x >= 0 (w e^w = x), by Halley's iteration from a log-based start. */
    static double lambertW(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) throw new IllegalArgumentException("lambertW needs finite x >= 0, got " + x);
        if (x == 0) return 0;
        double w = x < 1 ? x * (1 - x / 2) : Math.log(x) - Math.log(Math.log(x) + 1) * (x > 3 ? 1 : 0.5);
        if (w < 0) w = 0.5 * x;
        for (int it = 0; it < 60; it++) {
            double e = Math.exp(w), f = w * e - x;
            double step = f / (e * (w + 1) - (w + 2) * f / (2 * w + 2));
            w -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(w))) break;
        }
        return w;
    }
}
