package org.diffold.lab.store;

/** A failure of the SQLite run store; the message names the database file and the operation. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the database and what failed
     * @param cause the underlying SQL or I/O failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
