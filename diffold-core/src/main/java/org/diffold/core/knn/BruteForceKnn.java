package org.diffold.core.knn;

/**
 * Exact kNN by scanning all pairs with the BLAS-style {@link PairwiseScan} (O(nq nr D) flops at GEMM speed),
 * keeping a sorted top-k list per query; the kept distances are then recomputed from coordinate differences so
 * that small distances are accurate to rounding (the |x|^2 + |y|^2 - 2 x.y expansion is not). The self-search
 * computes each unordered pair once ({@link PairwiseScan#scanPairs}, half the flops) and offers it to both rows;
 * lists are ordered by (distance, index), so the result does not depend on the thread count.
 */
public final class BruteForceKnn implements KnnSearch {
    private final int threads;

    /** A search using {@code threads} worker threads (>= 1). */
    public BruteForceKnn(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
    }

    /** Worker threads. */
    public int threads() { return threads; }

    @Override
    public Neighbors search(double[] queries, int nq, double[] refs, int nr, int dim, int k) {
        if (k < 1 || k > nr) throw new IllegalArgumentException("k must be in [1, " + nr + "] (number of reference points), got " + k);
        return run(queries, nq, refs, nr, dim, k);
    }

    @Override
    public Neighbors selfSearch(double[] data, int n, int dim, int k) {
        if (k < 1 || k > n - 1) throw new IllegalArgumentException("k must be in [1, n-1 = " + (n - 1) + "] (n = " + n + " points), got " + k);
        // each unordered pair once (PairwiseScan.scanPairs), offered to both rows' lists; every worker keeps its own
        // lists for all rows, merged at the end
        int workers = threads;
        double[][] best = new double[workers][];
        int[][] idx = new int[workers][];
        PairwiseScan.scanPairs(data, n, dim, threads, w -> {
            double[] b = new double[n * k];
            int[] id = new int[n * k];
            java.util.Arrays.fill(b, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(id, Integer.MAX_VALUE);
            best[w] = b;
            idx[w] = id;
            return (i, j0, d2, count) -> {
                int base = i * k;
                for (int j = 0; j < count; j++) {
                    double v = d2[j];
                    int other = j0 + j;
                    offer(b, id, base, k, v, other);
                    offer(b, id, other * k, k, v, i);
                }
            };
        });
        double[] mb = new double[n * k];
        int[] mi = new int[n * k];
        java.util.Arrays.fill(mb, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(mi, Integer.MAX_VALUE);
        for (int w = 0; w < workers; w++) {
            if (best[w] == null) continue;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) offer(mb, mi, i * k, k, best[w][i * k + j], idx[w][i * k + j]);
            }
        }
        return finish(data, n, data, dim, k, mi);
    }

    /** Offers (v, j) to the list at base, ordered by (value, index) so that the kept set does not depend on order. */
    private static void offer(double[] best, int[] idx, int base, int k, double v, int j) {
        int last = base + k - 1;
        if (v > best[last] || (v == best[last] && j >= idx[last])) return;
        int p = last;
        while (p > base && (best[p - 1] > v || (best[p - 1] == v && idx[p - 1] > j))) {
            best[p] = best[p - 1];
            idx[p] = idx[p - 1];
            p--;
        }
        best[p] = v;
        idx[p] = j;
    }

    private Neighbors run(double[] x, int nx, double[] y, int ny, int dim, int k) {
        double[] best = new double[nx * k];
        int[] idx = new int[nx * k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(idx, -1);
        PairwiseScan.scan(x, nx, y, ny, dim, threads, w -> (i, j0, d2, count) -> {
            int base = i * k, last = base + k - 1;
            double thr = best[last];
            for (int j = 0; j < count; j++) {
                double v = d2[j];
                if (v < thr) {
                    insert(best, idx, base, last, v, j0 + j);
                    thr = best[last];
                }
            }
        });
        return finish(x, nx, y, dim, k, idx);
    }

    /** Recomputes the kept distances from coordinate differences and sorts each row by (distance, index). */
    private static Neighbors finish(double[] x, int nx, double[] y, int dim, int k, int[] idx) {
        double[] dist = new double[nx * k];
        for (int i = 0; i < nx; i++) {
            int base = i * k;
            for (int j = 0; j < k; j++) dist[base + j] = Math.sqrt(PairwiseScan.squaredDistance(x, i, y, idx[base + j], dim));
            sortRow(dist, idx, base, k);
        }
        return new Neighbors(nx, k, idx, dist);
    }

    /** Inserts (v, j) into the ascending list best[base..last], dropping the largest. */
    private static void insert(double[] best, int[] idx, int base, int last, double v, int j) {
        int p = last;
        while (p > base && best[p - 1] > v) {
            best[p] = best[p - 1];
            idx[p] = idx[p - 1];
            p--;
        }
        best[p] = v;
        idx[p] = j;
    }

    /** Insertion sort of one row by (distance, index). */
    private static void sortRow(double[] d, int[] idx, int base, int k) {
        for (int a = base + 1; a < base + k; a++) {
            double v = d[a];
            int j = idx[a], p = a;
            while (p > base && (d[p - 1] > v || (d[p - 1] == v && idx[p - 1] > j))) {
                d[p] = d[p - 1];
                idx[p] = idx[p - 1];
                p--;
            }
            d[p] = v;
            idx[p] = j;
        }
    }
}
