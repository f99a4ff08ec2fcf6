package org.diffold.core.error.propagation;

import java.util.function.DoubleUnaryOperator;

/**
 * A density given by its values on a uniform grid x_j = x0 + j h, j = 0..G-1, read between nodes by 6-point
 * Lagrange interpolation (0 outside the grid). Integrals use the trapezoidal rule, spectrally accurate for smooth
 * densities that vanish at the grid ends. Immutable.
 */
public final class GridDensity {
    /** Target densities below this fraction of their maximum are left out of the KL integrand (their share of the KL is below about 1e-10). */
    public static final double TAIL_CUTOFF = 1e-11;
    // 4-point Gauss–Legendre on [-1, 1] (Abramowitz & Stegun Table 25.4)
    private static final double[] GL_NODE = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GL_WEIGHT = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
    private final double[] p;
    private final double x0, h;

    GridDensity(double[] values, double x0, double h) {
        this.p = values.clone();
        this.x0 = x0;
        this.h = h;
    }

    /** Number of grid points. */
    public int size() { return p.length; }

    /** Grid spacing h. */
    public double spacing() { return h; }

    /** Grid node x_j. */
    public double node(int j) { return x0 + j * h; }

    /** Value at node j. */
    public double value(int j) { return p[j]; }

    /** The density at x, interpolated (may be slightly negative at round-off level in the far tails). */
    public double density(double x) {
        return GridInterpolation.at(p, (x - x0) / h);
    }

    /** ∫ x^power p(x) dx (power 0 is the mass). */
    public double moment(int power) {
        double s = 0;
        for (int j = 0; j < p.length; j++) s += Math.pow(node(j), power) * p[j];
        return s * h;
    }

    /**
     * P(a < X <= b) by integrating the interpolant with 4-point Gauss–Legendre on each grid cell (exact for the
     * quintic pieces).
     */
    public double probability(double a, double b) {
        if (!(b > a)) return 0;
        double lo = Math.max(a, x0 - 3 * h), hi = Math.min(b, x0 + (p.length + 2) * h);
        if (!(hi > lo)) return 0;
        double s = 0;
        for (double c0 = lo; c0 < hi; ) {
            double c1 = Math.min(hi, x0 + (Math.floor((c0 - x0) / h + 1e-12) + 1) * h);
            double mid = 0.5 * (c0 + c1), half = 0.5 * (c1 - c0);
            for (int q = 0; q < 4; q++) s += GL_WEIGHT[q] * half * density(mid + half * GL_NODE[q]);
            c0 = c1;
        }
        return s;
    }

    /**
     * KL(p_target || p), Hellinger and TV against the exact target log-density, by the trapezoidal rule on this grid
     * for KL and Hellinger; TV integrates the interpolant cell by cell, split at sign changes.
     * KL uses the pointwise non-negative Bregman form p_target (rho - 1 - log rho), rho = p / p_target, which equals
     * ∫ p_target log(p_target/p) when both have unit mass and removes the grid's first-order mass error. Target values below
     * {@link #TAIL_CUTOFF} of their maximum are left out of KL.
     *
     * @throws IllegalStateException when p is not positive where the target has mass (KL would be infinite)
     */
    public Divergence1D divergenceFrom(DoubleUnaryOperator targetLogDensity) {
        int g = p.length;
        double[] target = new double[g];
        double max = 0;
        for (int j = 0; j < g; j++) {
            target[j] = Math.exp(targetLogDensity.applyAsDouble(node(j)));
            max = Math.max(max, target[j]);
        }
        double cutoff = TAIL_CUTOFF * max, kl = 0, hel = 0;
        for (int j = 0; j < g; j++) {
            double t = target[j], v = p[j];
            double d = Math.sqrt(t) - Math.sqrt(Math.max(v, 0));
            hel += d * d;
            if (t <= cutoff) continue;
            if (!(v > 0)) {
                throw new IllegalStateException("sampler density is " + v + " at x=" + node(j) + " where the target density is "
                        + t + "; KL is infinite or the grid is too coarse");
            }
            double delta = v / t - 1;
            kl += t * (delta - Math.log1p(delta));
        }
        return new Divergence1D(kl * h, 0.5 * hel * h, tv(targetLogDensity));
    }

    /**
     * 0.5 ∫ |p_target - p| with p the interpolant: 4-point Gauss–Legendre per grid cell (exact for the quintic pieces),
     * cells where the difference changes sign split at its roots (bisection), so the kinks of |.| cost no accuracy.
     */
    private double tv(DoubleUnaryOperator targetLogDensity) {
        DoubleUnaryOperator diff = x -> Math.exp(targetLogDensity.applyAsDouble(x)) - density(x);
        double sum = 0, left = x0, dLeft = diff.applyAsDouble(left);
        for (int j = 0; j + 1 < p.length; j++) {
            double right = node(j + 1), dRight = diff.applyAsDouble(right);
            double mid = 0.5 * (left + right), half = 0.5 * (right - left), cell = 0;
            boolean signChange = dLeft * dRight < 0;
            for (int q = 0; q < 4; q++) {
                double v = diff.applyAsDouble(mid + half * GL_NODE[q]);
                cell += GL_WEIGHT[q] * half * v;
                if (v * dLeft < 0 || v * dRight < 0) signChange = true;
            }
            sum += signChange ? absIntegral(diff, left, right, 0) : Math.abs(cell);
            left = right;
            dLeft = dRight;
        }
        return 0.5 * sum;
    }

    /** ∫_a^b |f| for a cell containing sign changes: split at a root found by bisection, recursively (depth <= 3). */
    private static double absIntegral(DoubleUnaryOperator f, double a, double b, int depth) {
        double fa = f.applyAsDouble(a), fb = f.applyAsDouble(b);
        if (fa * fb < 0) {
            double lo = a, hi = b, flo = fa;
            for (int i = 0; i < 60; i++) {
                double m = 0.5 * (lo + hi), fm = f.applyAsDouble(m);
                if (fm * flo > 0) { lo = m; flo = fm; } else hi = m;
            }
            double root = 0.5 * (lo + hi);
            return Math.abs(gauss(f, a, root)) + Math.abs(gauss(f, root, b));
        }
        if (depth >= 3) return Math.abs(gauss(f, a, b));
        double m = 0.5 * (a + b);
        return absIntegral(f, a, m, depth + 1) + absIntegral(f, m, b, depth + 1);
    }

    private static double gauss(DoubleUnaryOperator f, double a, double b) {
        double mid = 0.5 * (a + b), half = 0.5 * (b - a), s = 0;
        for (int q = 0; q < 4; q++) s += GL_WEIGHT[q] * f.applyAsDouble(mid + half * GL_NODE[q]);
        return s * half;
    }
}
