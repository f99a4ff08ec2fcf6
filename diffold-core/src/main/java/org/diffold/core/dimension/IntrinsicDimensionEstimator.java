package org.diffold.core.dimension;

/**
 * An intrinsic-dimension estimator (docs/math.md §8). Immutable and thread-safe; parameters are fixed at
 * construction and validated there. Randomised estimators take their seed at construction.
 */
public interface IntrinsicDimensionEstimator {
    /** Registry name, e.g. {@code mle}. */
    String name();

    /** Nearest neighbours per point the estimator reads from {@link PointCloud#neighbors} (0 if none). */
    int neighbors();

    /** Smallest number of points the estimator accepts. */
    default int minPoints() { return neighbors() + 1; }

    /** Smallest ambient dimension D the estimator accepts (e.g. k &lt; D for methods that need it). */
    default int minDim() { return 1; }

    /**
     * Estimates the intrinsic dimension of the cloud.
     *
     * @throws IllegalArgumentException when the cloud has fewer than {@link #minPoints()} points, a smaller ambient
     *     dimension than {@link #minDim()}, or duplicate points where the method needs positive distances
     */
    IdEstimate estimate(PointCloud cloud);

    /** Convenience: estimate on row-major n x D data with a single-threaded exact kNN search. */
    default IdEstimate estimate(double[] data, int n, int dim) {
        return estimate(new PointCloud(data, n, dim, 1));
    }

    /** Checks the cloud's size against {@link #minPoints()} and {@link #minDim()}; one-line message. */
    default void checkSize(PointCloud cloud) {
        if (cloud.n() < minPoints()) {
            throw new IllegalArgumentException(name() + " needs at least " + minPoints() + " points, got n=" + cloud.n());
        }
        if (cloud.dim() < minDim()) {
            throw new IllegalArgumentException(name() + " needs ambient dimension D >= " + minDim() + ", got D=" + cloud.dim());
        }
    }
}
