/** Samplers: coefficient designs, step plans and the batched, deterministic sampler engine (docs/math.md §3). */
package org.diffold.core.sampler;
