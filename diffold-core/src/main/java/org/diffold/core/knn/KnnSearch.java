package org.diffold.core.knn;

/**
 * Exact k-nearest-neighbour search in Euclidean distance over row-major point sets (docs/math.md §6, §8).
 * Implementations are immutable and thread-safe; their results do not depend on their thread count.
 */
public interface KnnSearch {
    /**
     * The k nearest references of each query row.
     *
     * @param queries row-major nq x dim
     * @param refs row-major nr x dim, 1 &lt;= k &lt;= nr
     */
    Neighbors search(double[] queries, int nq, double[] refs, int nr, int dim, int k);

    /** The k nearest other points of each row of {@code data} (the point itself excluded), 1 &lt;= k &lt;= n - 1. */
    Neighbors selfSearch(double[] data, int n, int dim, int k);
}
