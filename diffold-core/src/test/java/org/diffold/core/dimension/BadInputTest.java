package org.diffold.core.dimension;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BadInputTest {
    static double[] grid(int n, int d) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(1.7 * i) + 0.01 * i;
        return x;
    }

    private static String message(Runnable r) {
        String m = assertThrows(IllegalArgumentException.class, r::run).getMessage();
        assertTrue(!m.contains("\n"), "one-line message: " + m);
        return m;
    }

    @Test
    void rejectsNonFiniteValuesNamingRowAndColumn() {
        double[] x = grid(10, 3);
        x[7] = Double.NaN;
        String m = message(() -> new PointCloud(x, 10, 3, 1));
        assertTrue(m.contains("row 2") && m.contains("column 1"), m);
        x[7] = Double.POSITIVE_INFINITY;
        message(() -> new PointCloud(x, 10, 3, 1));
    }

    @Test
    void rejectsDuplicatePoints() {
        double[] x = grid(30, 2);
        x[20] = x[4];
        x[21] = x[5];
        String m = message(() -> Estimators.byName("mle", 0).estimate(new PointCloud(x, 30, 2, 1)));
        assertTrue(m.contains("duplicate") && m.contains("rows 2 and 10"), m);
    }

    @Test
    void rejectsTooFewPointsForEachEstimator() {
        for (String name : Estimators.names()) {
            IntrinsicDimensionEstimator e = Estimators.byName(name, 0);
            int n = e.minPoints() - 1;
            String m = message(() -> e.estimate(grid(n, 3), n, 3));
            assertTrue(m.contains("at least " + e.minPoints() + " points"), m);
        }
    }

    @Test
    void rejectsTooSmallAmbientDimensionWhereAnEstimatorDeclaresOne() {
        // the minDim() hook (no built-in estimator needs one today) is checked before any work, with one line
        IntrinsicDimensionEstimator needsD5 = new IntrinsicDimensionEstimator() {
            @Override public String name() { return "needs-d5"; }
            @Override public int neighbors() { return 3; }
            @Override public int minDim() { return 5; }
            @Override public IdEstimate estimate(PointCloud cloud) { checkSize(cloud); return IdEstimate.global(name(), 0); }
        };
        String m = message(() -> needsD5.estimate(grid(10, 3), 10, 3));
        assertTrue(m.contains("needs ambient dimension D >= 5, got D=3"), m);
    }

    @Test
    void rejectsBadParametersAndNames() {
        message(() -> new MleEstimator(1));
        message(() -> new TwoNnEstimator(1));
        message(() -> new CorrelationDimensionEstimator(5, 5));
        message(() -> new LpcaEstimator(LpcaEstimator.Criterion.FUKUNAGA_OLSEN, 1.5, 10));
        message(() -> new DancoEstimator(10, 5, 0));
        String m = message(() -> Estimators.parse("mle,nope", 0));
        assertTrue(m.contains("nope"), m);
        message(() -> new PointCloud(new double[5], 2, 3, 1));
    }
}
