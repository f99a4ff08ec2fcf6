/**
 * Exact sampler error (docs/math.md §4): the Gaussian coordinate recursion for linear scores, closed-form
 * Gaussian KL / Hellinger / total variation, the 1-D density propagator for non-Gaussian product factors, the
 * product-target error, and the simulation cross-check against the batched sampler.
 */
package org.diffold.core.error;
