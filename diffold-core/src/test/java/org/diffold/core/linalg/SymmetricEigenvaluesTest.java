package org.diffold.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class SymmetricEigenvaluesTest {
    @Test
    void matchesHipparchusOnRandomAndRankDeficientMatrices() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 3, 7, 40, 101}) {
            for (int rank : new int[] {n, Math.max(1, n / 3)}) {
                // A = B B^T with B n x rank: symmetric positive semidefinite with n - rank zero eigenvalues
                double[][] b = new double[n][rank];
                for (double[] row : b) for (int j = 0; j < rank; j++) row[j] = r.nextGaussian();
                double[][] a = new double[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int q = 0; q < rank; q++) a[i][j] += b[i][q] * b[j][q];
                // reference: the non-zero eigenvalues of B B^T are those of the full-rank B^T B (Hipparchus' own
                // solver fails to converge on the rank-deficient 101 x 101 case), the rest are 0
                double[][] btb = new double[rank][rank];
                for (int p = 0; p < rank; p++) for (int q = 0; q < rank; q++) for (int i = 0; i < n; i++) btb[p][q] += b[i][p] * b[i][q];
                double[] want = Arrays.copyOf(new EigenDecompositionSymmetric(new Array2DRowRealMatrix(btb)).getEigenvalues(), n);
                Arrays.sort(want);
                double[][] copy = new double[n][];
                for (int i = 0; i < n; i++) copy[i] = a[i].clone();
                double[] d = new double[n], e = new double[n];
                SymmetricEigenvalues.compute(copy, n, d, e);
                for (int i = 0; i < n; i++) assertEquals(want[n - 1 - i], d[i], 1e-12 * want[n - 1], "n=" + n + " rank=" + rank + " i=" + i);
            }
        }
    }

    @Test
    void diagonalAndIndefiniteMatrices() {
        double[][] a = {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}};
        double[] d = new double[3], e = new double[3];
        SymmetricEigenvalues.compute(a, 3, d, e);
        assertEquals(3, d[0], 0);
        assertEquals(2, d[1], 0);
        assertEquals(-1, d[2], 0);
        double[][] b = {{2, 1}, {1, 2}}; // eigenvalues 3 and 1
        SymmetricEigenvalues.compute(b, 2, d, e);
        assertEquals(3, d[0], 1e-15);
        assertEquals(1, d[1], 1e-15);
    }
}
