package org.diffold.lab.experiment.common;

import java.util.Locale;

/**
 * Least-squares fit of log y = log C + p log x (a power law y = C x^p), with the coefficient of determination R^2
 * of the fit in log space.
 *
 * @param slope the exponent p
 * @param intercept log C
 * @param r2 R^2 in log space (1 when the points lie on a line, NaN with fewer than 3 points)
 * @param points number of (x, y) pairs used
 */
public record LogLogFit(double slope, double intercept, double r2, int points) {
    /** Fits the pairs with x, y &gt; 0; needs at least two distinct x. */
    public static LogLogFit of(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y lengths differ: " + x.length + " vs " + y.length);
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("a log-log fit needs >= 2 points, got " + n);
        double sx = 0, sy = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) throw new IllegalArgumentException("log-log fit needs x, y > 0, got (" + x[i] + ", " + y[i] + ")");
            sx += Math.log(x[i]);
            sy += Math.log(y[i]);
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx, dy = Math.log(y[i]) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("log-log fit needs at least two distinct x");
        double p = sxy / sxx;
        double r2 = n < 3 ? Double.NaN : (syy == 0 ? 1 : sxy * sxy / (sxx * syy));
        return new LogLogFit(p, my - p * mx, r2, n);
    }

    /** C x^p. */
    public double predict(double x) { return Math.exp(intercept + slope * Math.log(x)); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "slope %.3f (R^2 %.4f, %d points)", slope, r2, points);
    }
}
