/**
 * Sample-quality metrics for any two sample files (docs/math.md §6): memorization by the nearest / second-nearest
 * ratio rule and the nearest-training-distance distribution ({@link org.diffold.core.metrics.Memorization}), distance
 * to a known manifold ({@link org.diffold.core.metrics.ManifoldDistance}), (alpha, delta)-coverage
 * ({@link org.diffold.core.metrics.Coverage}), generated / true mass over manifold cells
 * ({@link org.diffold.core.metrics.CellMassRatio}), and sliced Wasserstein and MMD
 * ({@link org.diffold.core.metrics.SampleDistances}).
 */
package org.diffold.core.metrics;
