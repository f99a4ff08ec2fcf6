/** 1-D density propagation through a sampler step (docs/math.md §4.3): exact step maps, grid densities, interpolation, FFT convolution, refinement, 1-D divergences. */
package org.diffold.core.error.propagation;
