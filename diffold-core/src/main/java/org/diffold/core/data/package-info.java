/**
 * Data input and output for flat double matrices: NumPy {@code .npy} and CSV writers (loaders for IDX, CSV and
 * {@code .npy} data sets live here too).
 *
 * <p>Matrices are flat row-major {@code double[]} arrays with an explicit shape, as everywhere in core. Every
 * writer is atomic: it writes a temporary file in the target folder and renames it over the target, so a reader
 * never sees a half-written file (see {@link org.diffold.core.data.AtomicWrite}).
 */
package org.diffold.core.data;
