package org.diffold.core.dimension;

/**
 * Base of the estimators that read the k nearest neighbours of every point (MLE, MOM, TLE, ESS, MiND-ML, MADA, KNN):
 * holds the name and the validated neighbourhood size k >= 2. {@link #neighbors()} is k unless the method reads
 * deeper lists (MiND-ML reads k + 1).
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
    @Override public int neighbors() { return k; }
}
