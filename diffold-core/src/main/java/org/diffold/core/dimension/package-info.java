/**
 * Intrinsic-dimension estimators (docs/math.md §8), one per file behind
 * {@link org.diffold.core.dimension.IntrinsicDimensionEstimator}, sharing one validated
 * {@link org.diffold.core.dimension.PointCloud} whose k-nearest-neighbour lists are computed once.
 */
package org.diffold.core.dimension;
