package org.diffold.lab.store;

/** A sweep cell's computation failed with a checked exception; the message names the experiment and cell. */
public final class SweepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming experiment, cell and cause
     * @param cause the computation's exception
     */
    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
