package org.diffold.nn.checkpoint;

import org.diffold.core.data.Printable;

/** A checkpoint that cannot be used: not a checkpoint, corrupt, truncated, a newer format, or a mismatched run. */
public final class CheckpointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A one-line message naming the file and what is wrong; control characters from the file are escaped. */
    public CheckpointException(String message) { super(Printable.of(message, 2000)); }

    /** With a cause. */
    public CheckpointException(String message, Throwable cause) { super(Printable.of(message, 2000), cause); }
}
