/**
 * Experiments, one class per reproduced claim or benchmark: intrinsic-dimension estimation of a data set with
 * timings ({@link org.diffold.lab.experiment.IdEstimation}) and the 24-manifold estimator benchmark
 * ({@link org.diffold.lab.experiment.IdBenchmark}).
 */
package org.diffold.lab.experiment;
