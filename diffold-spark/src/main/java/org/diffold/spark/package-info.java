/**
 * The {@code spark} sweep engine: a sweep's missing cell groups become the partitions of one Spark job; each task
 * computes its group with {@link org.diffold.lab.engine.CellTask}, the code the local engine runs, and returns the
 * results to the driver, which alone writes the SQLite run store as results arrive. Found by {@link
 * java.util.ServiceLoader} through {@link org.diffold.spark.SparkEngineProvider}.
 */
package org.diffold.spark;
