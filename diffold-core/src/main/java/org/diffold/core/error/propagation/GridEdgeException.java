package org.diffold.core.error.propagation;

/** The propagated density reached the outer band of the grid: the grid is too narrow for this sampler. */
public final class GridEdgeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** A message naming the step and the grid half-width. */
    public GridEdgeException(String message) {
        super(message);
    }
}
