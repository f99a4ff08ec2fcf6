/**
 * Exact sampler error (docs/math.md §4). Sub-packages hold one story each: {@code gaussian} (the coordinate
 * recursion for linear scores, closed-form Gaussian KL / Hellinger / chi-square TV), {@code propagation} (1-D density
 * propagation for non-Gaussian factors), {@code product} (product targets built from 1-D factors). This package keeps
 * what spans them: the exact-error table and its benchmark, and the simulation cross-check against the sampler.
 */
package org.diffold.core.error;
