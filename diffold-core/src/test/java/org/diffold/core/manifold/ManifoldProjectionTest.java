package org.diffold.core.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.GmmSubspaceTarget;
import org.junit.jupiter.api.Test;

class ManifoldProjectionTest {
    static List<DataManifold> all() {
        List<DataManifold> m = new ArrayList<>();
        for (String name : BenchmarkManifolds.names()) m.add(BenchmarkManifolds.create(name));
        SplittableRandom r = new SplittableRandom(7);
        PiecewiseConstantDensity steps = new PiecewiseConstantDensity(0, 2 * Math.PI, new double[] {1, 4, 2});
        m.add(CurveTarget.circle(2, steps, Subspace.random(6, 2, r)));
        m.add(CurveTarget.helix(new UniformDensity(0, 2 * Math.PI), Subspace.random(5, 3, r)));
        m.add(new SphereTarget(1.5, Subspace.random(7, 4, r)));
        m.add(new TorusTarget(1, 0.5, steps, new UniformDensity(0, 2 * Math.PI), Subspace.random(9, 4, r)));
        m.add(BenchmarkManifolds.swissRoll("swiss-roll", new PiecewiseConstantDensity(1.5 * Math.PI, 4.5 * Math.PI, new double[] {3, 1})));
        m.add(new SubspaceManifold(GmmSubspaceTarget.random(Subspace.random(8, 3, r), 4, 0.1, r)));
        m.add(EmbeddedManifold.random(BenchmarkManifolds.create("M11_Moebius"), 12, 3));
        return m;
    }

    @Test
    void samplesLieOnTheManifoldAndProjectionIsIdempotent() {
        for (DataManifold m : all()) {
            int n = 20, d = m.dim();
            double[] x = m.sample(11, n);
            double tol = Math.max(1e-12, 10 * m.projectionTolerance()) * scale(x);
            double[] p = new double[d], pp = new double[d];
            for (int i = 0; i < n; i++) {
                assertEquals(0, m.distance(x, i * d), tol, m.name() + ": sample " + i + " is off the manifold");
                m.project(x, i * d, p, 0);
                m.project(p, 0, pp, 0);
                assertArrayEquals(p, pp, tol, m.name() + ": projection is not idempotent");
            }
        }
    }

    @Test
    void projectionOfAPerturbedPointIsNoFartherThanItsSource() {
        // for y = x + e with x on M, the nearest point of M is at distance <= |e|, and the residual is normal to M
        SplittableRandom r = new SplittableRandom(5);
        for (DataManifold m : all()) {
            int d = m.dim();
            double[] x = m.sample(12, 10), y = new double[d];
            double tol = Math.max(1e-12, 10 * m.projectionTolerance()) * scale(x);
            for (int i = 0; i < 10; i++) {
                double len = 0;
                for (int j = 0; j < d; j++) { double e = 1e-3 * r.nextGaussian(); y[j] = x[i * d + j] + e; len += e * e; }
                assertTrue(m.distance(y, 0) <= Math.sqrt(len) + tol, m.name() + ": projection is not the nearest point");
            }
        }
    }

    private static double scale(double[] x) {
        double s = 1;
        for (double v : x) s = Math.max(s, Math.abs(v));
        return s;
    }

    @Test
    void exactProjectionsAgreeWithTheNumericalSearch() {
        // circle: atan2 (exact) versus Levenberg–Marquardt on the parametrisation (stated tolerance, relative to R = 2)
        Curve circle = new CircleCurve(2);
        ParametricProjector numeric = new ParametricProjector(circle.asParametrization(), 4096, 0);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            double[] y = {3 * r.nextGaussian(), 3 * r.nextGaussian()}, exact = new double[2], num = new double[2];
            circle.point(circle.nearestParameter(y), exact, 0);
            numeric.project(y, 0, num, 0);
            assertArrayEquals(exact, num, 2 * ParametricProjector.TOLERANCE);
            assertEquals(Math.abs(Math.hypot(y[0], y[1]) - 2), Math.hypot(y[0] - num[0], y[1] - num[1]), 1e-13);
        }
        assertEquals(0, new SphereTarget(1, Subspace.coordinate(3, 3)).projectionTolerance());
    }

    @Test
    void knownDistancesHold() {
        CubeBoundary cube = new CubeBoundary("c", 2);
        assertEquals(0.2, cube.distance(new double[] {0.5, 0.8, 0.4}, 0), 1e-15);  // nearest face x_1 = 1
        assertEquals(Math.sqrt(2), cube.distance(new double[] {2, 2, 0.5}, 0), 1e-15); // outside: clamp
        SphereTarget s = new SphereTarget(2, Subspace.coordinate(4, 3));
        assertEquals(1, s.distance(new double[] {3, 0, 0, 0}, 0), 1e-15);
        assertEquals(1, s.distance(new double[] {0, 0, 2, 1}, 0), 1e-15); // on the radius-2 S^2 in-plane, 1 off-plane
        DataManifold m12 = BenchmarkManifolds.create("M12_Norm");
        assertEquals(0, m12.distance(new double[20], 0), 0);
    }

    @Test
    void tableDimensionsMatchTheSpec() {
        // (d, D) from docs/benchmark-manifolds.md
        int[][] dims = {{10, 11}, {3, 5}, {4, 6}, {4, 8}, {1, 3}, {2, 3}, {6, 36}, {2, 3}, {12, 72}, {20, 20}, {10, 11},
                {17, 18}, {24, 25}, {70, 71}, {2, 3}, {20, 20}, {2, 3}, {1, 13}, {10, 40}, {18, 72}, {24, 96}, {3, 12},
                {6, 21}, {9, 30}};
        List<String> names = BenchmarkManifolds.names();
        assertEquals(24, names.size());
        for (int i = 0; i < 24; i++) {
            DataManifold m = BenchmarkManifolds.create(names.get(i));
            assertEquals(dims[i][0], m.intrinsicDim(), names.get(i));
            assertEquals(dims[i][1], m.dim(), names.get(i));
        }
        assertThrows(IllegalArgumentException.class, () -> BenchmarkManifolds.create("M99"));
    }

    @Test
    void samplingIsDeterministicAndSplitInvariant() {
        for (DataManifold m : all()) {
            int d = m.dim();
            double[] whole = m.sample(4, 9), parts = new double[9 * d];
            RandomStreams s = new RandomStreams(4);
            double[] a = new double[4 * d], b = new double[5 * d];
            m.sample(s, 0, 4, a);
            m.sample(s, 4, 5, b);
            System.arraycopy(a, 0, parts, 0, a.length);
            System.arraycopy(b, 0, parts, a.length, b.length);
            assertArrayEquals(whole, parts, 0, m.name());
        }
    }

    @Test
    void embeddingKeepsDistancesAndAddsStatedNoise() {
        DataManifold base = BenchmarkManifolds.create("M7_Roll");
        EmbeddedManifold e = EmbeddedManifold.random(base, 30, 9);
        double[] x0 = base.sample(2, 2), x = e.sample(2, 2);
        double d0 = Math.sqrt(sq(x0, 0, 3, 3)), d1 = Math.sqrt(sq(x, 0, 30, 30));
        assertEquals(d0, d1, 1e-12 * d0); // isometry
        EmbeddedManifold noisy = new EmbeddedManifold("roll+noise", base, Subspace.coordinate(3, 3), EmbeddedManifold.Noise.UNIFORM, 0.1);
        double[] y = noisy.sample(2, 200);
        double[] clean = base.sample(2, 200);
        for (int i = 0; i < y.length; i++) assertTrue(Math.abs(y[i] - clean[i]) <= 0.05, "uniform noise exceeds level/2");
    }

    private static double sq(double[] x, int a, int b, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) { double e = x[a + j] - x[b + j]; s += e * e; }
        return s;
    }
}
