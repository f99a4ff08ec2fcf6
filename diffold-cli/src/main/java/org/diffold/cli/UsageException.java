package org.diffold.cli;

/**
 * The user asked for something that cannot work (bad value, too little memory, unwritable folder). Reported as
 * one line {@code diffold: error: <message>} with exit code 2, without a stack trace unless {@code --verbose}.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the parameter, the value and what is allowed
     */
    public UsageException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message one line naming the parameter, the value and what is allowed
     * @param cause the underlying failure
     */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
