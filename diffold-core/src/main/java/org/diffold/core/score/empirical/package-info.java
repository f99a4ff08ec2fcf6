/**
 * Closed-form scores built from a training set (docs/math.md §6): the exact empirical score and its
 * noise-inflated (KDE) version ({@link org.diffold.core.score.empirical.EmpiricalScore}), the weight-smoothed
 * closed-form score of Scarvelis, Borde and Solomon ({@link org.diffold.core.score.empirical.SmoothedClosedFormScore}),
 * and the coarse score -(x - c proj_hat(x / c)) / sigma^2 ({@link org.diffold.core.score.empirical.CoarseScore}).
 * All dot products and weighted sums go through {@link org.diffold.core.linalg.DotPanelKernel}.
 */
package org.diffold.core.score.empirical;
