package org.diffold.nn.checkpoint;

/** A checkpoint that cannot be used: not a checkpoint, corrupt, truncated, a newer format, or a mismatched run. */
public final class CheckpointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A one-line message naming the file and what is wrong. */
    public CheckpointException(String message) { super(message); }

    /** With a cause. */
    public CheckpointException(String message, Throwable cause) { super(message, cause); }
}
