package org.diffold.core.dimension;

import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.KnnSearch;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.knn.PairwiseScan;

/**
 * Row-major n x D data, validated once (finite values), with its k-nearest-neighbour lists computed on first use
 * and shared by every estimator that asks (the largest k asked so far is kept; a larger request recomputes).
 * Thread-safe.
 */
public final class PointCloud {
    private final double[] data;
    private final int n, dim;
    private final KnnSearch search;
    private final int threads;
    private Neighbors cached;

    /** A cloud searched by an exact {@link BruteForceKnn} with {@code threads} workers. */
    public PointCloud(double[] data, int n, int dim, int threads) {
        this(data, n, dim, new BruteForceKnn(threads), threads);
    }

    /**
     * @param data row-major n x D values, all finite; not copied, must not be modified while in use
     * @param search the kNN search behind {@link #neighbors}
     * @param threads worker threads estimators may use for their own all-pairs work (>= 1)
     * @throws IllegalArgumentException on a size mismatch or a NaN/infinite value (naming its row and column)
     */
    public PointCloud(double[] data, int n, int dim, KnnSearch search, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (dim < 1) throw new IllegalArgumentException("dim (D) must be >= 1, got " + dim);
        if (data.length != (long) n * dim) {
            throw new IllegalArgumentException("data holds " + data.length + " values, expected n*D = " + (long) n * dim);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("data has a non-finite value (" + data[i] + ") at row " + i / dim
                        + ", column " + i % dim);
            }
        }
        this.data = data;
        this.n = n;
        this.dim = dim;
        this.search = search;
        this.threads = threads;
    }

    /** Number of points n. */
    public int n() { return n; }

    /** Ambient dimension D. */
    public int dim() { return dim; }

    /** The data (row-major n x D); read-only by contract. */
    public double[] data() { return data; }

    /** Worker threads for all-pairs work. */
    public int threads() { return threads; }

    /** The kNN search used by {@link #neighbors}. */
    public KnnSearch search() { return search; }

    /**
     * The nearest other points of every point, at least k per point (possibly more: read only the first k).
     *
     * @throws IllegalArgumentException when k > n - 1, or when two points coincide (zero distance), naming both rows
     */
    public synchronized Neighbors neighbors(int k) {
        if (k < 1 || k > n - 1) throw new IllegalArgumentException("k must be in [1, n-1 = " + (n - 1) + "], got " + k);
        if (cached == null || cached.k() < k) {
            Neighbors nb = search.selfSearch(data, n, dim, k);
            for (int i = 0; i < n; i++) {
                if (nb.distance(i, 0) == 0) {
                    throw new IllegalArgumentException("data has duplicate points: rows " + Math.min(i, nb.index(i, 0))
                            + " and " + Math.max(i, nb.index(i, 0)) + " are identical (zero distance); remove duplicates");
                }
            }
            cached = nb;
        }
        return cached;
    }

    /** Squared Euclidean distance between rows a and b. */
    public double squaredDistance(int a, int b) {
        return PairwiseScan.squaredDistance(data, a, data, b, dim);
    }
}
