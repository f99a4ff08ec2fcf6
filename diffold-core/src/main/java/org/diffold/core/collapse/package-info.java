/**
 * Collapse of the denoising map onto the projection onto the data manifold (docs/math.md §7): the Jacobian spectrum
 * of a denoiser x -> D_sigma(x) versus sigma, its numerical rank and its distance to the nearest-point projection.
 */
package org.diffold.core.collapse;
