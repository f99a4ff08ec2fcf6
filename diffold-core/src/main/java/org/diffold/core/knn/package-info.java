/**
 * Exact k-nearest-neighbour search behind {@link org.diffold.core.knn.KnnSearch}, and the all-pairs squared-distance
 * scan ({@link org.diffold.core.knn.PairwiseScan}) that feeds it and the pair counts of the correlation dimension.
 */
package org.diffold.core.knn;
