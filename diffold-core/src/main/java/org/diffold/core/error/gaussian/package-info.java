/** Exact errors with linear scores (docs/math.md §4.1, §4.2): the per-coordinate Gaussian recursion, Gaussian KL and Hellinger, chi-square total variation and its sampler. */
package org.diffold.core.error.gaussian;
