package org.diffold.core.knn;

import org.diffold.core.linalg.Parallel;

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
            // each row's current k-th entry, also in dense arrays: the column offers (v, i) to rows j0.. read these
            // one after another instead of one cache line per row of the n x k lists (the lists are touched only
            // for a pair that enters); same decisions, so the same lists
            double[] worst = new double[n];
            int[] worstIdx = new int[n];
            java.util.Arrays.fill(worst, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(worstIdx, Integer.MAX_VALUE);
            return (i, j0, d2, count) -> {
                for (int j = 0; j < count; j++) {
                    double v = d2[j];
                    int other = j0 + j;
                    if (enters(worst, worstIdx, i, v, other)) offer(b, id, worst, worstIdx, i, k, v, other);
                    if (enters(worst, worstIdx, other, v, i)) offer(b, id, worst, worstIdx, other, k, v, i);
                }
            };
        });
        double[] mb = new double[n * k];
        int[] mi = new int[n * k];
        java.util.Arrays.fill(mb, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(mi, Integer.MAX_VALUE);
        double[] worst = new double[n];
        int[] worstIdx = new int[n];
        java.util.Arrays.fill(worst, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(worstIdx, Integer.MAX_VALUE);
        for (int w = 0; w < workers; w++) {
            if (best[w] == null) continue;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    double v = best[w][i * k + j];
                    int o = idx[w][i * k + j];
                    if (enters(worst, worstIdx, i, v, o)) offer(mb, mi, worst, worstIdx, i, k, v, o);
                }
            }
        }
        return finish(data, n, data, dim, k, mi, threads);
    }

    /** Whether (v, j) enters row's list: it precedes the list's k-th entry in (value, index) order. */
    private static boolean enters(double[] worst, int[] worstIdx, int row, double v, int j) {
        return v < worst[row] || (v == worst[row] && j < worstIdx[row]);
    }

    /**
     * Inserts (v, j), which {@link #enters}, into row's list, ordered by (value, index) so that the kept set does not
     * depend on order, and records the list's new k-th entry in worst / worstIdx.
     */
    private static void offer(double[] best, int[] idx, double[] worst, int[] worstIdx, int row, int k, double v, int j) {
        int base = row * k, last = base + k - 1;
        int lo = base, hi = last; // the first entry after (v, j); the last one is, since (v, j) enters
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (best[mid] > v || (best[mid] == v && idx[mid] > j)) hi = mid; else lo = mid + 1;
        }
        System.arraycopy(best, lo, best, lo + 1, last - lo);
        System.arraycopy(idx, lo, idx, lo + 1, last - lo);
        best[lo] = v;
        idx[lo] = j;
        worst[row] = best[last];
        worstIdx[row] = idx[last];
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
        return finish(x, nx, y, dim, k, idx, threads);
    }

    /**
     * Recomputes the kept distances from coordinate differences and sorts each row by (distance, index); rows in
     * parallel ranges, each row on its own, so the result does not depend on the thread count.
     */
    private static Neighbors finish(double[] x, int nx, double[] y, int dim, int k, int[] idx, int threads) {
        double[] dist = new double[nx * k];
        Parallel.forRanges(nx, threads, 1, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * k;
                PairwiseScan.squaredDistances(x, i, y, idx, base, k, dim, dist, base);
                for (int j = base; j < base + k; j++) dist[j] = Math.sqrt(dist[j]);
                sortRow(dist, idx, base, k);
            }
        });
        return new Neighbors(nx, k, idx, dist);
    }

    /** Inserts (v, j) into the ascending list best[base..last] after any equal values, dropping the largest. */
    private static void insert(double[] best, int[] idx, int base, int last, double v, int j) {
        int lo = base, hi = last; // the first entry above v; the last one is, since v < best[last]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (best[mid] > v) hi = mid; else lo = mid + 1;
        }
        System.arraycopy(best, lo, best, lo + 1, last - lo);
        System.arraycopy(idx, lo, idx, lo + 1, last - lo);
        best[lo] = v;
        idx[lo] = j;
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
