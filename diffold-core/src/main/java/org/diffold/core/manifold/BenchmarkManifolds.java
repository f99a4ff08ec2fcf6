package org.diffold.core.manifold;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.Variates;
import org.diffold.core.target.GaussianSubspaceTarget;

/**
 * The 24 intrinsic-dimension benchmark manifolds of scikit-dimension's {@code BenchmarkManifolds} (Hein &amp; Audibert
 * 2005; Campadelli et al. 2015), with the generators of docs/benchmark-manifolds.md. Quirks of scikit-dimension fixed on
 * purpose: every name is created from the table's d and D alone; M5a uses t = 2 pi U (scikit-dimension adds 2 pi / n,
 * which makes a sample depend on n); M10's faces are balanced ({@link CubeBoundary}); noise is named {@code normal} or
 * {@code uniform} ({@link EmbeddedManifold.Noise}). Families with free d are public factories.
 */
public final class BenchmarkManifolds {
    private static final double TWO_PI = 2 * Math.PI;
    private static final Map<String, Supplier<DataManifold>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("M1_Sphere", () -> new SphereTarget("M1_Sphere", 1, Subspace.coordinate(11, 11)));
        REGISTRY.put("M2_Affine_3to5", BenchmarkManifolds::affine3to5);
        REGISTRY.put("M3_Nonlinear_4to6", BenchmarkManifolds::nonlinear4to6);
        REGISTRY.put("M4_Nonlinear", () -> nonlinear("M4_Nonlinear", 4, 8));
        REGISTRY.put("M5a_Helix1d", () -> parametric("M5a_Helix1d", 3, box(1, 0, TWO_PI), (p, o, f) -> new HelixCurve().point(p[0], o, f)));
        REGISTRY.put("M5b_Helix2d", () -> parametric("M5b_Helix2d", 3, box(2, 0, 10 * Math.PI), (p, o, f) -> {
            o[f] = p[0] * Math.cos(p[1]); o[f + 1] = p[0] * Math.sin(p[1]); o[f + 2] = 0.5 * p[1];
        }));
        REGISTRY.put("M6_Nonlinear", () -> nonlinear("M6_Nonlinear", 6, 36));
        REGISTRY.put("M7_Roll", () -> swissRoll("M7_Roll", new UniformDensity(1.5 * Math.PI, 4.5 * Math.PI)));
        REGISTRY.put("M8_Nonlinear", () -> nonlinear("M8_Nonlinear", 12, 72));
        REGISTRY.put("M9_Affine", () -> parametric("M9_Affine", 20, box(20, -2.5, 2.5), (p, o, f) -> System.arraycopy(p, 0, o, f, 20)));
        REGISTRY.put("M10a_Cubic", () -> new CubeBoundary("M10a_Cubic", 10));
        REGISTRY.put("M10b_Cubic", () -> new CubeBoundary("M10b_Cubic", 17));
        REGISTRY.put("M10c_Cubic", () -> new CubeBoundary("M10c_Cubic", 24));
        REGISTRY.put("M10d_Cubic", () -> new CubeBoundary("M10d_Cubic", 70));
        REGISTRY.put("M11_Moebius", BenchmarkManifolds::moebius);
        REGISTRY.put("M12_Norm", () -> new SubspaceManifold("M12_Norm", new GaussianSubspaceTarget(Subspace.coordinate(20, 20), 1)));
        REGISTRY.put("M13a_Scurve", () -> parametric("M13a_Scurve", 3, new double[][] {{-1.5 * Math.PI, 0}, {1.5 * Math.PI, 2}}, (p, o, f) -> {
            o[f] = Math.sin(p[0]); o[f + 1] = p[1]; o[f + 2] = Math.signum(p[0]) * (Math.cos(p[0]) - 1);
        }));
        REGISTRY.put("M13b_Spiral", () -> parametric("M13b_Spiral", 13, box(1, 0, 10 * Math.PI), (p, o, f) -> {
            Arrays.fill(o, f, f + 13, 0);
            o[f] = 100 * Math.cos(p[0]); o[f + 1] = 100 * Math.sin(p[0]); o[f + 2] = p[0];
        }));
        REGISTRY.put("Mbeta", BenchmarkManifolds::mbeta);
        REGISTRY.put("Mn1_Nonlinear", () -> highNonlinear("Mn1_Nonlinear", 18));
        REGISTRY.put("Mn2_Nonlinear", () -> highNonlinear("Mn2_Nonlinear", 24));
        REGISTRY.put("Mp1_Paraboloid", () -> paraboloid("Mp1_Paraboloid", 3));
        REGISTRY.put("Mp2_Paraboloid", () -> paraboloid("Mp2_Paraboloid", 6));
        REGISTRY.put("Mp3_Paraboloid", () -> paraboloid("Mp3_Paraboloid", 9));
    }

    private BenchmarkManifolds() {}

    /** The 24 names, in the table's order. */
    public static List<String> names() { return List.copyOf(REGISTRY.keySet()); }

    /** The named benchmark manifold with the table's d and D. */
    public static DataManifold create(String name) {
        Supplier<DataManifold> f = REGISTRY.get(name);
        if (f == null) throw new IllegalArgumentException("unknown benchmark manifold '" + name + "', expected one of " + names());
        return f.get();
    }

    /** The "nonlinear" generator (M4, M6, M8): d parameters, D = 2 m d. */
    public static ParametricManifold nonlinear(String name, int d, int dim) {
        if (d < 1 || dim % (2 * d) != 0) throw new IllegalArgumentException("nonlinear needs D a multiple of 2d, got d=" + d + ", D=" + dim);
        return parametric(name, dim, box(d, 0, 1), (p, o, f) -> {
            for (int j = 0; j < d; j++) {
                double a = p[(j + 1) % d];
                o[f + 2 * j] = a * Math.cos(TWO_PI * p[j]);
                o[f + 2 * j + 1] = a * Math.sin(TWO_PI * p[j]);
            }
            for (int r = 2 * d; r < dim; r++) o[f + r] = o[f + r - 2 * d];
        });
    }

    /** The Swiss roll (M7): t in [1.5 pi, 4.5 pi] with density rho, h ~ U[0, 21]; x = (t cos t, h, t sin t). */
    public static ParametricManifold swissRoll(String name, ParameterDensity rho) {
        if (rho.lower() < 1.5 * Math.PI - 1e-12 || rho.upper() > 4.5 * Math.PI + 1e-12) {
            throw new IllegalArgumentException("swiss roll density must live in [1.5 pi, 4.5 pi], got [" + rho.lower() + ", " + rho.upper() + "]");
        }
        double[] lo = {1.5 * Math.PI, 0}, hi = {4.5 * Math.PI, 21};
        return new ParametricManifold(name, 3, lo, hi, (p, o, f) -> {
            o[f] = p[0] * Math.cos(p[0]); o[f + 1] = p[1]; o[f + 2] = p[0] * Math.sin(p[0]);
        }, (rng, p) -> { p[0] = rho.sample(rng); p[1] = 21 * rng.nextDouble(); });
    }

    /** Mn family: X ~ U^d, T1_i = tan(X_i cos X_{d-1-i}), T2_i = arctan(X_{d-1-i} sin X_i), x = [T1, T2, T1, T2]. */
    public static ParametricManifold highNonlinear(String name, int d) {
        return parametric(name, 4 * d, box(d, 0, 1), (p, o, f) -> {
            for (int i = 0; i < d; i++) {
                double t1 = Math.tan(p[i] * Math.cos(p[d - 1 - i])), t2 = Math.atan(p[d - 1 - i] * Math.sin(p[i]));
                o[f + i] = t1; o[f + d + i] = t2; o[f + 2 * d + i] = t1; o[f + 3 * d + i] = t2;
            }
        });
    }

    /** Mp family: E ~ Exp(1)^{d+1}, X_i = 1 / (1 + E_i / E_0), Y = [X, |X|^2], x = [Y, sin Y, Y^2] in R^{3(d+1)}. */
    public static ParametricManifold paraboloid(String name, int d) {
        int m = d + 1;
        double[] lo = new double[d], hi = new double[d];
        Arrays.fill(hi, 1);
        return new ParametricManifold(name, 3 * m, lo, hi, (p, o, f) -> {
            double s = 0;
            for (int i = 0; i < d; i++) { o[f + i] = p[i]; s += p[i] * p[i]; }
            o[f + d] = s;
            for (int i = 0; i < m; i++) { double y = o[f + i]; o[f + m + i] = Math.sin(y); o[f + 2 * m + i] = y * y; }
        }, (rng, p) -> {
            double e0 = Variates.exponential(rng);
            for (int i = 0; i < d; i++) p[i] = 1 / (1 + Variates.exponential(rng) / e0);
        });
    }

    private static ParametricManifold affine3to5() {
        double[][] a = {{1.2, -0.5, 0}, {0.5, 0.9, 0}, {-0.5, -0.2, 1}, {0.4, -0.9, -0.1}, {1.1, -0.3, 0}};
        double[] b = {3, -1, 0, 0, 8};
        return parametric("M2_Affine_3to5", 5, box(3, 0, 4), (p, o, f) -> {
            for (int r = 0; r < 5; r++) o[f + r] = a[r][0] * p[0] + a[r][1] * p[1] + a[r][2] * p[2] + b[r];
        });
    }

    private static ParametricManifold nonlinear4to6() {
        return parametric("M3_Nonlinear_4to6", 6, box(4, 0, 1), (p, o, f) -> {
            o[f] = p[1] * p[1] * Math.cos(TWO_PI * p[0]);
            o[f + 1] = p[2] * p[2] * Math.sin(TWO_PI * p[0]);
            o[f + 2] = p[1] + p[2] + (p[1] - p[3]) * (p[1] - p[3]);
            o[f + 3] = p[1] - 2 * p[2] + (p[0] - p[3]) * (p[0] - p[3]);
            o[f + 4] = -p[1] - 2 * p[2] + (p[2] - p[3]) * (p[2] - p[3]);
            o[f + 5] = p[0] * p[0] - p[1] * p[1] + p[2] * p[2] - p[3] * p[3];
        });
    }

    private static ParametricManifold moebius() {
        return parametric("M11_Moebius", 3, new double[][] {{0, -1}, {TWO_PI, 1}}, (p, o, f) -> {
            double w = 1 + 0.5 * p[1] * Math.cos(5 * p[0]);
            o[f] = w * Math.cos(p[0]); o[f + 1] = w * Math.sin(p[0]); o[f + 2] = 0.5 * p[1] * Math.sin(5 * p[0]);
        });
    }

    private static ParametricManifold mbeta() {
        int d = 10;
        double[] lo = new double[d], hi = new double[d];
        Arrays.fill(hi, 1);
        return new ParametricManifold("Mbeta", 4 * d, lo, hi, (p, o, f) -> {
            for (int i = 0; i < d; i++) {
                double t1 = p[i] * Math.sin(Math.cos(TWO_PI * p[i])), t2 = p[i] * Math.cos(Math.sin(TWO_PI * p[i]));
                o[f + i] = t1; o[f + d + i] = t2; o[f + 2 * d + i] = t1; o[f + 3 * d + i] = t2;
            }
        }, (rng, p) -> { for (int i = 0; i < d; i++) p[i] = Variates.beta(rng, 10, 0.5); });
    }

    /** Uniform parameters on a box: {lower, upper} rows. */
    private static ParametricManifold parametric(String name, int dim, double[][] box, ParametricManifold.Embedding phi) {
        return new ParametricManifold(name, dim, box[0], box[1], phi, ParametricManifold.uniform(box[0], box[1]));
    }

    private static double[][] box(int p, double lo, double hi) {
        double[] a = new double[p], b = new double[p];
        Arrays.fill(a, lo);
        Arrays.fill(b, hi);
        return new double[][] {a, b};
    }
}
