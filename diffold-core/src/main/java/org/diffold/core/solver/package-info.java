/**
 * The practitioners' samplers (k-diffusion / diffusers parity, docs/math.md §3.3) on one denoiser contract over any
 * core {@link org.diffold.core.score.Score}: every solver compiles a {@link org.diffold.core.sigma.SigmaGrid} into a
 * {@link org.diffold.core.solver.SolverProgram}, a straight-line list of denoiser calls and linear combinations with
 * Gaussian noise on a few registers. {@link org.diffold.core.solver.SolverSampler} runs a program on batches; the
 * exact-error code in {@code org.diffold.core.error.solver} runs the same program on covariances, so the simulated
 * and the exact sampler cannot drift apart.
 */
package org.diffold.core.solver;
