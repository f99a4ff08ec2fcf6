package org.diffold.core.dimension;

/**
 * Base of the estimators that read the k nearest neighbours of every point (MLE, MOM, TLE): holds the name and the
 * validated neighbourhood size k >= 2.
 */
public abstract class KnnEstimator implements IntrinsicDimensionEstimator {
    /** Neighbourhood size k. */
    protected final int k;
    private final String name;

    /** @param name registry name; @param k neighbours, at least 2 */
    protected KnnEstimator(String name, int k) {
        if (k < 2) throw new IllegalArgumentException(name + " k must be >= 2, got " + k);
        this.name = name;
        this.k = k;
    }

    @Override public final String name() { return name; }
    @Override public final int neighbors() { return k; }
}
