/**
 * Exact errors of the practitioners' samplers (docs/math.md §4): on a Gaussian subspace target every
 * {@link org.diffold.core.solver.SolverProgram} is a linear-Gaussian recursion on its registers, so its output law
 * is Gaussian and KL / TV / Hellinger follow exactly ({@link org.diffold.core.error.solver.ProgramCovariance},
 * {@link org.diffold.core.error.solver.SolverGaussianError}); on the product target the single-step programs act on
 * each coordinate as a chain of 1-D maps plus noise, and the existing 1-D density propagation gives their exact KL
 * ({@link org.diffold.core.error.solver.SolverStep1D}, {@link org.diffold.core.error.solver.SolverProductError}).
 */
package org.diffold.core.error.solver;
