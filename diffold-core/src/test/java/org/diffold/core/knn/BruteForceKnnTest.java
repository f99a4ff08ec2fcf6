package org.diffold.core.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BruteForceKnnTest {
    static double[] gaussian(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    /** The obvious O(n^2 D) search, sorted by (distance, index). */
    static Integer[] naive(double[] q, int i, double[] ref, int nr, int d, boolean self) {
        Integer[] idx = new Integer[nr];
        for (int j = 0; j < nr; j++) idx[j] = j;
        double[] dist = new double[nr];
        for (int j = 0; j < nr; j++) dist[j] = Math.sqrt(PairwiseScan.squaredDistance(q, i, ref, j, d));
        if (self) dist[i] = Double.POSITIVE_INFINITY;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(j -> dist[j]).thenComparingInt(j -> j));
        return idx;
    }

    @Test
    void selfSearchMatchesNaiveSearchForAwkwardShapes() {
        // shapes that exercise the kernel's tails: n not a multiple of 4 or of the panel width, odd D
        for (int[] shape : new int[][] {{1 + 1, 1}, {7, 3}, {300, 5}, {517, 33}}) {
            int n = shape[0], d = shape[1], k = Math.min(5, n - 1);
            double[] x = gaussian(n, d, n * 31L + d);
            Neighbors nb = new BruteForceKnn(1).selfSearch(x, n, d, k);
            for (int i = 0; i < n; i++) {
                Integer[] want = naive(x, i, x, n, d, true);
                for (int j = 0; j < k; j++) {
                    assertEquals(want[j], nb.index(i, j), "n=" + n + " d=" + d + " row " + i + " rank " + j);
                    assertEquals(Math.sqrt(PairwiseScan.squaredDistance(x, i, x, want[j], d)), nb.distance(i, j), 1e-12);
                }
            }
        }
    }

    @Test
    void queryAgainstReferencesMatchesNaiveSearch() {
        int nq = 45, nr = 600, d = 9, k = 7;
        double[] q = gaussian(nq, d, 1), r = gaussian(nr, d, 2);
        Neighbors nb = new BruteForceKnn(2).search(q, nq, r, nr, d, k);
        for (int i = 0; i < nq; i++) {
            Integer[] want = naive(q, i, r, nr, d, false);
            for (int j = 0; j < k; j++) assertEquals(want[j], nb.index(i, j));
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        int n = 1001, d = 17, k = 10;
        double[] x = gaussian(n, d, 3);
        Neighbors a = new BruteForceKnn(1).selfSearch(x, n, d, k), b = new BruteForceKnn(3).selfSearch(x, n, d, k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(a.index(i, j), b.index(i, j));
                assertEquals(Double.doubleToLongBits(a.distance(i, j)), Double.doubleToLongBits(b.distance(i, j)));
            }
        }
    }

    @Test
    void smallDistancesAreRecomputedAccurately() {
        // two points 1e-9 apart far from the origin: the |x|^2 + |y|^2 - 2 x.y expansion alone loses all digits
        double[] x = {1e4, 1e4, 1e4 + 1e-9, 1e4, -5, 3};
        Neighbors nb = new BruteForceKnn(1).selfSearch(x, 3, 2, 1);
        assertEquals(1, nb.index(0, 0));
        assertEquals(x[2] - x[0], nb.distance(0, 0), 0); // the representable gap (~1.0004e-9), exact by Sterbenz
    }

    @Test
    void rejectsBadK() {
        double[] x = gaussian(5, 2, 4);
        assertThrows(IllegalArgumentException.class, () -> new BruteForceKnn(1).selfSearch(x, 5, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> new BruteForceKnn(1).selfSearch(x, 5, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new BruteForceKnn(0));
    }

    @Test
    void scanPairsVisitsEveryUnorderedPairOnceWithTheSameValues() {
        int n = 700, d = 5; // 3 panels of 256: diagonal, off-diagonal and partial blocks
        double[] x = gaussian(n, d, 6);
        for (int threads : new int[] {1, 2, 3}) {
            double[][] got = new double[n][n];
            PairwiseScan.scanPairs(x, n, d, threads, w -> (i, j0, d2, count) -> {
                for (int j = 0; j < count; j++) {
                    assertTrue(j0 + j > i, "pair (" + i + ", " + (j0 + j) + ") is not above the diagonal");
                    assertEquals(0, got[i][j0 + j], "pair visited twice");
                    got[i][j0 + j] = d2[j] + 1; // + 1 marks a visit even for a zero distance
                }
            });
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    assertEquals(PairwiseScan.squaredDistance(x, i, x, j, d) + 1, got[i][j], 1e-12, "pair " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void pairwiseScanVisitsEveryPairOnce() {
        int n = 530, d = 6;
        double[] x = gaussian(n, d, 5);
        long[][] seen = new long[2][1];
        double[] sums = new double[2];
        PairwiseScan.scan(x, n, x, n, d, 2, w -> (i, j0, d2, count) -> {
            seen[w][0] += count;
            for (int j = 0; j < count; j++) sums[w] += d2[j];
        });
        assertEquals((long) n * n, seen[0][0] + seen[1][0]);
        double direct = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) direct += PairwiseScan.squaredDistance(x, i, x, j, d);
        assertEquals(direct, sums[0] + sums[1], 1e-9 * direct);
    }

    @Test
    void largeKWithManyTiesMatchesNaiveSearch() {
        // small integer coordinates: many equal distances, all computed exactly, so the (distance, index) order of
        // the naive search is the one the search must keep; k large enough that lists shift by many places
        int n = 700, d = 6, k = 40;
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(4);
        for (int threads : new int[] {1, 2}) {
            Neighbors self = new BruteForceKnn(threads).selfSearch(x, n, d, k);
            Neighbors query = new BruteForceKnn(threads).search(x, 50, x, n, d, k);
            for (int i = 0; i < n; i++) {
                Integer[] want = naive(x, i, x, n, d, true);
                for (int j = 0; j < k; j++) assertEquals(want[j], self.index(i, j), "self, row " + i + " rank " + j);
            }
            for (int i = 0; i < 50; i++) {
                Integer[] want = naive(x, i, x, n, d, false);
                for (int j = 0; j < k; j++) assertEquals(want[j], query.index(i, j), "query, row " + i + " rank " + j);
            }
        }
    }

    @Test
    void fourDistancesAtATimeHaveTheBitsOfOne() {
        int n = 50, d = 37;
        double[] x = gaussian(n, d, 8);
        int[] js = {3, 9, 0, 49, 17, 17, 22};
        double[] out = new double[10];
        for (int count = 0; count <= js.length; count++) {
            java.util.Arrays.fill(out, -1);
            PairwiseScan.squaredDistances(x, 5, x, js, 0, count, d, out, 2);
            for (int p = 0; p < count; p++) {
                assertEquals(Double.doubleToRawLongBits(PairwiseScan.squaredDistance(x, 5, x, js[p], d)),
                        Double.doubleToRawLongBits(out[2 + p]), "count " + count + ", distance " + p);
            }
            assertEquals(-1, out[2 + count], 0.0, "writes only count values");
        }
    }
}
