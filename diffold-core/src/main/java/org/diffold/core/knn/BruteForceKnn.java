package org.diffold.core.knn;

/**
 * Exact kNN by scanning all pairs with the BLAS-style {@link PairwiseScan} (O(nq nr D) flops at GEMM speed),
 * keeping a sorted top-k list per query; the kept distances are then recomputed from coordinate differences so
 * that small distances are accurate to rounding (the |x|^2 + |y|^2 - 2 x.y expansion is not).
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
        return run(queries, nq, refs, nr, dim, k, false);
    }

    @Override
    public Neighbors selfSearch(double[] data, int n, int dim, int k) {
        if (k < 1 || k > n - 1) throw new IllegalArgumentException("k must be in [1, n-1 = " + (n - 1) + "] (n = " + n + " points), got " + k);
        return run(data, n, data, n, dim, k, true);
    }

    private Neighbors run(double[] x, int nx, double[] y, int ny, int dim, int k, boolean self) {
        double[] best = new double[nx * k];
        int[] idx = new int[nx * k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(idx, -1);
        PairwiseScan.scan(x, nx, y, ny, dim, threads, w -> (i, j0, d2, count) -> {
            int base = i * k, last = base + k - 1;
            double thr = best[last];
            for (int j = 0; j < count; j++) {
                double v = d2[j];
                if (v < thr && !(self && j0 + j == i)) {
                    insert(best, idx, base, last, v, j0 + j);
                    thr = best[last];
                }
            }
        });
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
