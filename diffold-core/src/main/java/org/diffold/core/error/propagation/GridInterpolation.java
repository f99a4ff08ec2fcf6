package org.diffold.core.error.propagation;

/**
 * Six-point (quintic) Lagrange interpolation of values on a uniform grid, 0 beyond the grid ends: error
 * about 0.005 h^6 |f^(6)| per evaluation, no numerical diffusion. Allocation-free.
 */
final class GridInterpolation {
    private GridInterpolation() {}

    /** The interpolant at fractional index u (node j sits at u = j). */
    static double at(double[] p, double u) {
        int n = p.length;
        if (!(u > -3 && u < n + 2)) return 0;
        int i = (int) Math.floor(u);
        double t = u - i;
        double a = t + 2, b = t + 1, d = t - 1, e = t - 2, f = t - 3;
        double ab = a * b, de = d * e, ef = e * f;
        double wm2 = -b * t * de * f / 120, wm1 = a * t * de * f / 24, w0 = -ab * de * f / 12;
        double w1 = ab * t * ef / 12, w2 = -ab * t * d * f / 24, w3 = ab * t * de / 120;
        if (i >= 2 && i + 3 < n) {
            return wm2 * p[i - 2] + wm1 * p[i - 1] + w0 * p[i] + w1 * p[i + 1] + w2 * p[i + 2] + w3 * p[i + 3];
        }
        return wm2 * value(p, i - 2) + wm1 * value(p, i - 1) + w0 * value(p, i) + w1 * value(p, i + 1)
                + w2 * value(p, i + 2) + w3 * value(p, i + 3);
    }

    private static double value(double[] p, int i) { return i >= 0 && i < p.length ? p[i] : 0; }
}
