/**
 * Data sets as matrices: readers for IDX (gzip or not), NumPy {@code .npy} and CSV files, Fashion-MNIST from its
 * Debian package, and scaling options (readers validate everything they read and fail with one-line messages naming
 * the file); and the writers for the matrices the toolkit produces ({@code .npy} v1.0 float64, CSV), written
 * atomically (temporary file, then rename).
 */
package org.diffold.core.data;
