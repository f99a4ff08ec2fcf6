/**
 * Experiments, one class per reproduced claim, with their small numerical helpers (log-log fits, step-count
 * thresholds). Each experiment stores its cells in the run store and writes a report; intrinsic-dimension
 * estimation of a data set with timings ({@link org.diffold.lab.experiment.IdEstimation}) and the 24-manifold
 * estimator benchmark ({@link org.diffold.lab.experiment.IdBenchmark}).
 */
package org.diffold.lab.experiment;
