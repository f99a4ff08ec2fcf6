/**
 * Data sets as matrices: readers for IDX (gzip or not), NumPy {@code .npy} and CSV files, Fashion-MNIST from its
 * Debian package, and scaling options. Readers validate everything they read and fail with one-line messages naming
 * the file.
 */
package org.diffold.core.data;
