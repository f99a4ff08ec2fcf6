/** Intrinsic dimension: estimation of a data set with timings, and the 24-manifold estimator benchmark (docs/math.md §8, docs/benchmark-manifolds.md). */
package org.diffold.lab.experiment.id;
