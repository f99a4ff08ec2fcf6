package org.diffold.core.knn;

/**
 * The k nearest neighbours of n query points: for query i, {@code index(i, j)} and {@code distance(i, j)} for
 * j = 0..k-1 in ascending Euclidean distance (ties broken by the smaller reference index). Immutable.
 */
public final class Neighbors {
    private final int n, k;
    private final int[] index;
    private final double[] distance;

    /** Takes ownership of the row-major n x k arrays (the search builds them). */
    Neighbors(int n, int k, int[] index, double[] distance) {
        this.n = n;
        this.k = k;
        this.index = index;
        this.distance = distance;
    }

    /** Number of query points. */
    public int n() { return n; }

    /** Neighbours per query point. */
    public int k() { return k; }

    /** Reference index of the (j+1)-th nearest neighbour of query i. */
    public int index(int i, int j) { return index[i * k + j]; }

    /** Euclidean distance to the (j+1)-th nearest neighbour of query i (non-decreasing in j). */
    public double distance(int i, int j) { return distance[i * k + j]; }
}
