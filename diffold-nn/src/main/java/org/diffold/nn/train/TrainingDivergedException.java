package org.diffold.nn.train;

/** The training loss or gradient became NaN or infinite; the message names the step and the last good checkpoint. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;

    /** @param step 1-based step at which the loss became non-finite */
    public TrainingDivergedException(String message, int step) {
        super(message);
        this.step = step;
    }

    /** The step (1-based) at which training diverged. */
    public int step() { return step; }
}
