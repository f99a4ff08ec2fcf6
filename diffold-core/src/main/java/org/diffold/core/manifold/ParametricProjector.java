package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * Numerical nearest-point projection onto the image of a {@link Parametrization}: minimise |phi(p) - x|^2 over the
 * parameter box by Levenberg–Marquardt (Marquardt's diagonal scaling, central-difference Jacobian, steps clamped to the
 * box), started from each of the {@link #STARTS} anchors whose images are nearest to x, keeping the best result (and
 * stopping early once a start reaches distance zero to rounding).
 *
 * <p>Accuracy: iterations stop at first-order optimality (the residual x - phi(p) orthogonal to every free tangent
 * direction to 1e-11 relative) or when no step lowers |phi(p) - x|^2 in floating point. Because the squared distance is
 * flat to second order at its minimum, comparing its values pins the point down only to about sqrt(machine epsilon):
 * the returned point is a constrained local minimiser to within {@link #TOLERANCE} relative to the manifold's size,
 * while the distance itself is accurate to rounding. The minimiser is
 * the global nearest point whenever one of the starts lies in its basin: always for points closer to M than its reach
 * once the anchors are denser than the reach (a 1-parameter curve gets a uniform grid of anchors; more parameters get
 * seeded random anchors, so very high-dimensional parameter boxes carry no such guarantee).
 */
public final class ParametricProjector {
    /** Stated accuracy of the projected point, relative to the manifold's size (see the class). */
    public static final double TOLERANCE = 1e-7;
    /** Starts per projection. */
    public static final int STARTS = 24;
    private static final int MAX_ITERATIONS = 500;
    private final Parametrization phi;
    private final int p, dim, anchors;
    private final double[] anchorParams, anchorPoints;

    /** Builds {@code anchors} anchors (a grid for one parameter, seeded uniform draws otherwise). */
    public ParametricProjector(Parametrization phi, int anchors, long seed) {
        if (anchors < STARTS) throw new IllegalArgumentException("anchors must be >= " + STARTS + ", got " + anchors);
        this.phi = phi;
        this.p = phi.paramDim();
        this.dim = phi.dim();
        this.anchors = anchors;
        anchorParams = new double[anchors * p];
        anchorPoints = new double[anchors * dim];
        RandomStreams streams = new RandomStreams(seed).child("projector-anchors");
        double[] q = new double[p];
        for (int a = 0; a < anchors; a++) {
            SplittableRandom rng = streams.stream(a);
            for (int j = 0; j < p; j++) {
                double u = p == 1 ? (double) a / (anchors - 1) : rng.nextDouble();
                q[j] = phi.lower(j) + u * (phi.upper(j) - phi.lower(j));
                anchorParams[a * p + j] = q[j];
            }
            phi.embed(q, anchorPoints, a * dim);
        }
    }

    /** Writes the nearest point to x[xOff ..) into out[outOff ..); returns its parameter. */
    public double[] project(double[] x, int xOff, double[] out, int outOff) {
        int[] best = new int[STARTS];
        double[] bestD = new double[STARTS];
        java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        for (int a = 0; a < anchors; a++) {
            double s = 0;
            for (int j = 0, o = a * dim; j < dim; j++) { double e = anchorPoints[o + j] - x[xOff + j]; s += e * e; }
            if (s < bestD[STARTS - 1]) {
                int pos = STARTS - 1;
                while (pos > 0 && bestD[pos - 1] > s) { bestD[pos] = bestD[pos - 1]; best[pos] = best[pos - 1]; pos--; }
                bestD[pos] = s;
                best[pos] = a;
            }
        }
        double scale2 = 1;
        for (int j = 0; j < dim; j++) scale2 += x[xOff + j] * x[xOff + j];
        double[] bestParam = null;
        double bestF = Double.POSITIVE_INFINITY;
        double[] point = new double[dim];
        for (int s = 0; s < STARTS; s++) {
            double[] q = new double[p];
            System.arraycopy(anchorParams, best[s] * p, q, 0, p);
            double f = refine(x, xOff, q, point);
            if (f < bestF) { bestF = f; bestParam = q; }
            if (bestF <= 1e-28 * scale2) break; // on the manifold to rounding: no start can do better
        }
        phi.embed(bestParam, out, outOff);
        return bestParam;
    }

    /** Levenberg–Marquardt from q (modified in place); returns the final squared distance. */
    private double refine(double[] x, int xOff, double[] q, double[] point) {
        double[] jac = new double[dim * p], plus = new double[dim], minus = new double[dim], r = new double[dim];
        double[] a = new double[p * p], g = new double[p], step = new double[p], trial = new double[p];
        double f = residual(x, xOff, q, point, r);
        double lambda = 1e-3;
        for (int it = 0; it < MAX_ITERATIONS && f > 0; it++) {
            for (int j = 0; j < p; j++) {
                double width = phi.upper(j) - phi.lower(j), h = 1e-6 * width, qj = q[j];
                double hi = Math.min(phi.upper(j), qj + h), lo = Math.max(phi.lower(j), qj - h);
                q[j] = hi; phi.embed(q, plus, 0);
                q[j] = lo; phi.embed(q, minus, 0);
                q[j] = qj;
                for (int i = 0; i < dim; i++) jac[i * p + j] = (plus[i] - minus[i]) / (hi - lo);
            }
            for (int u = 0; u < p; u++) {
                double gu = 0;
                for (int i = 0; i < dim; i++) gu += jac[i * p + u] * r[i];
                g[u] = gu;
                for (int v = 0; v <= u; v++) {
                    double s = 0;
                    for (int i = 0; i < dim; i++) s += jac[i * p + u] * jac[i * p + v];
                    a[u * p + v] = s;
                    a[v * p + u] = s;
                }
            }
            if (stationary(q, g, a, f)) break;
            boolean accepted = false;
            while (lambda < 1e12) {
                if (!solveDamped(a, g, lambda, step)) { lambda *= 4; continue; }
                for (int j = 0; j < p; j++) trial[j] = Math.max(phi.lower(j), Math.min(phi.upper(j), q[j] - step[j]));
                double ft = residual(x, xOff, trial, point, plus);
                if (ft < f) {
                    System.arraycopy(trial, 0, q, 0, p);
                    System.arraycopy(plus, 0, r, 0, dim);
                    f = ft;
                    lambda = Math.max(lambda / 3, 1e-12);
                    accepted = true;
                    break;
                }
                lambda *= 4;
            }
            if (!accepted) break; // no descent left at rounding level
        }
        return f;
    }

    /**
     * First-order optimality: every free parameter's gradient g_j = J_j . r satisfies
     * |g_j| &lt;= 1e-11 |J_j| |r| (the residual is orthogonal to the tangent directions), and parameters at a bound
     * have gradients pointing out of the box.
     */
    private boolean stationary(double[] q, double[] g, double[] a, double f) {
        double rNorm = Math.sqrt(f);
        for (int j = 0; j < p; j++) {
            if (q[j] <= phi.lower(j) && g[j] > 0) continue;
            if (q[j] >= phi.upper(j) && g[j] < 0) continue;
            if (Math.abs(g[j]) > 1e-11 * Math.sqrt(a[j * p + j]) * rNorm) return false;
        }
        return true;
    }

    private double residual(double[] x, int xOff, double[] q, double[] point, double[] r) {
        phi.embed(q, point, 0);
        double f = 0;
        for (int i = 0; i < dim; i++) { r[i] = point[i] - x[xOff + i]; f += r[i] * r[i]; }
        return f;
    }

    /** Solves (A + lambda diag(A) + tiny I) s = g by Cholesky; false when not positive definite. */
    private boolean solveDamped(double[] a, double[] g, double lambda, double[] s) {
        double[] l = new double[p * p];
        for (int u = 0; u < p; u++) {
            for (int v = 0; v <= u; v++) {
                double sum = a[u * p + v];
                if (u == v) sum += lambda * a[u * p + u] + 1e-30;
                for (int w = 0; w < v; w++) sum -= l[u * p + w] * l[v * p + w];
                if (u == v) {
                    if (!(sum > 0)) return false;
                    l[u * p + u] = Math.sqrt(sum);
                } else {
                    l[u * p + v] = sum / l[v * p + v];
                }
            }
        }
        for (int u = 0; u < p; u++) {
            double sum = g[u];
            for (int w = 0; w < u; w++) sum -= l[u * p + w] * s[w];
            s[u] = sum / l[u * p + u];
        }
        for (int u = p - 1; u >= 0; u--) {
            double sum = s[u];
            for (int w = u + 1; w < p; w++) sum -= l[w * p + u] * s[w];
            s[u] = sum / l[u * p + u];
        }
        return true;
    }
}
