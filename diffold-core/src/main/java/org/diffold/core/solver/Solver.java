package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * A practitioners' sampler (docs/math.md §3.3): an immutable recipe that compiles a sigma grid into a
 * {@link SolverProgram}. Run the program with {@link SolverSampler} (any Score) or hand it to the exact-error code.
 */
public interface Solver {
    /** CLI name with its non-default settings, e.g. {@code dpmpp-2m-sde:solver_type=heun}. */
    String name();

    /** The program on the grid. */
    SolverProgram program(SigmaGrid grid);

    /** A sampler running the program; {@code vpOutput} rescales the output to the variance-preserving view. */
    default SolverSampler sampler(SigmaGrid grid, boolean vpOutput) {
        return new SolverSampler(program(grid), vpOutput);
    }
}
