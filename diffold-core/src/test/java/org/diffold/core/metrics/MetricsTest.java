package org.diffold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.manifold.Manifolds;
import org.junit.jupiter.api.Test;

/** The metrics of docs/math.md §6 on constructed cases. */
class MetricsTest {
    @Test
    void ratioRuleOnConstructedPairs() {
        // training points at 0 and 10 on a line (D = 2); d1/d2 chosen below, at and above 1/3
        double[] train = {0, 0, 10, 0, 100, 0};
        double[] samples = {
            2, 0,      // d1 = 2, d2 = 8: 1/4 < 1/3, memorized
            2.5, 0,    // d1 = 2.5, d2 = 7.5: exactly 1/3, not memorized (strict rule)
            3, 0,      // 3/7 > 1/3
            5, 0,      // equidistant from two points
            0, 0};     // a training point itself
        Memorization m = Memorization.measure(samples, 5, train, 3, 2, 1);
        assertTrue(m.memorized(0));
        assertFalse(m.memorized(1));
        assertFalse(m.memorized(2));
        assertFalse(m.memorized(3));
        assertTrue(m.memorized(4));
        assertEquals(0.4, m.memorizedFraction(), 0);
        assertEquals(0, m.nearest(0));
        assertEquals(1, m.nearest(2) == 0 ? 1 : 0);
        assertEquals(2.5, m.nearestQuantile(0.5), 1e-12);
        assertEquals(2.5 / Math.sqrt(2), m.nearestQuantilePerDim(0.5), 1e-12);
    }

    @Test
    void coverageOfASetByItselfIsComplete() {
        DataManifold circle = Manifolds.parse("circle", 5, 1);
        double[] x = circle.sample(3, 400);
        Coverage.Result r = Coverage.measure(x, 400, x, 400, x, 400, 5, 0.0, 1.0, 2);
        for (double f : r.coveredFraction()) assertEquals(1.0, f, 0);
        assertEquals(r.deltas()[0], r.coverageDelta(), 0);
    }

    @Test
    void copiesOfFewPointsCoverOnlyAtTheirSpacing() {
        // generated = copies of 8 training points of a circle: coverage scale near the spacing 2 pi / 8, far above
        // the scale of an independent sample of the same size
        DataManifold circle = Manifolds.parse("circle", 3, 2);
        int m = 2000, n = 800;
        double[] ref = circle.sample(5, m), anchors = circle.sample(6, 200), train = circle.sample(7, 8);
        double[] copies = new double[n * 3];
        for (int i = 0; i < n; i++) System.arraycopy(train, (i % 8) * 3, copies, i * 3, 3);
        double[] fresh = circle.sample(8, n);
        double dCopies = Coverage.measure(anchors, 200, ref, m, copies, n, 3, 0.1, 0.5, 1).coverageDelta();
        double dFresh = Coverage.measure(anchors, 200, ref, m, fresh, n, 3, 0.1, 0.5, 1).coverageDelta();
        assertTrue(dCopies > 0.2 && dCopies < 2, "copies cover at " + dCopies);
        assertTrue(dFresh < dCopies / 4, "fresh " + dFresh + " vs copies " + dCopies);
    }

    @Test
    void cellMassRatioIsOneForTheReferenceAndSeesMissingCells() {
        DataManifold circle = Manifolds.parse("circle", 4, 3);
        double[] ref = circle.sample(1, 1000), centers = circle.sample(2, 10);
        CellMassRatio.Result self = CellMassRatio.measure(centers, 10, ref, 1000, ref, 1000, 4, 1);
        assertEquals(1, self.min(), 1e-12);
        assertEquals(1, self.max(), 1e-12);
        // generated mass only in the cell of center 0
        double[] one = new double[4 * 50];
        for (int i = 0; i < 50; i++) System.arraycopy(centers, 0, one, i * 4, 4);
        CellMassRatio.Result r = CellMassRatio.measure(centers, 10, ref, 1000, one, 50, 4, 1);
        assertEquals(0, r.min(), 0);
        assertTrue(r.max() > 1);
    }

    @Test
    void manifoldDistanceOfPointsOnAndOffTheCircle() {
        DataManifold circle = Manifolds.parse("circle", 2, 1);
        double[] on = circle.sample(4, 10);
        for (double d : ManifoldDistance.distances(circle, on, 10, 1)) assertEquals(0, d, 1e-12);
        double[] off = new double[20];
        for (int i = 0; i < 20; i++) off[i] = 3 * on[i];
        // radius 1: a point at radius 3 is 2 away (the embedding into R^2 is a rotation)
        for (double d : ManifoldDistance.distances(circle, off, 10, 1)) assertEquals(2, d, 1e-12);
    }

    @Test
    void bitIdenticalAcrossThreadCounts() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 300, nt = 700, d = 6;
        double[] s = new double[n * d], t = new double[nt * d];
        for (int i = 0; i < s.length; i++) s[i] = rng.nextGaussian();
        for (int i = 0; i < t.length; i++) t[i] = rng.nextGaussian();
        Memorization a = Memorization.measure(s, n, t, nt, d, 1), b = Memorization.measure(s, n, t, nt, d, 3);
        assertArrayEquals(a.nearestDistances(), b.nearestDistances());
        for (int i = 0; i < n; i++) {
            assertEquals(a.nearest(i), b.nearest(i));
            assertEquals(a.secondDistance(i), b.secondDistance(i), 0);
        }
        Coverage.Result c1 = Coverage.measure(s, 50, t, nt, s, n, d, 0.1, 0.5, 1), c3 = Coverage.measure(s, 50, t, nt, s, n, d, 0.1, 0.5, 3);
        assertArrayEquals(c1.coveredFraction(), c3.coveredFraction());
        assertArrayEquals(c1.deltas(), c3.deltas());
        assertArrayEquals(CellMassRatio.measure(s, 20, t, nt, s, n, d, 1).ratios(), CellMassRatio.measure(s, 20, t, nt, s, n, d, 3).ratios());
    }

    @Test
    void badInputNamesTheSetAndRow() {
        double[] t = {0, 0, 1, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Memorization.measure(new double[] {0, Double.NaN}, 1, t, 2, 2, 1));
        assertTrue(e.getMessage().contains("samples: row 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Memorization.measure(new double[] {0, 0}, 1, t, 1, 2, 1));
        assertTrue(e.getMessage().contains("training set: needs at least 2 rows, got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Memorization.measure(new double[] {0, 0}, 1, new double[0], 0, 2, 1));
    }
}
