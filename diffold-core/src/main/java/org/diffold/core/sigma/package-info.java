/**
 * Noise-level grids of the practitioners' samplers as pure functions (docs/math.md §2, §3.3): k-diffusion's
 * sigma schedules (karras, exponential, polyexponential, vp), diffusers' training schedules (linear, scaled_linear,
 * squaredcos_cap_v2, sigmoid, zero-terminal-SNR rescaling) and timestep spacings (leading, trailing, linspace with
 * steps_offset), all in the variance-exploding view sigma = sqrt((1 - abar) / abar).
 */
package org.diffold.core.sigma;
