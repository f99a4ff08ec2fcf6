package org.diffold.lab.store;

import java.util.Locale;

/** The state of a run in the {@code runs} table, stored as its lower-case {@link #label()}. */
public enum RunStatus {
    /** Started and its process still runs (or runs on another host, where that cannot be checked). */
    RUNNING,
    /** Ended normally; {@code finished} holds the end time. */
    FINISHED,
    /** Ended with an error; {@code error} holds the message and {@code finished} the end time. */
    FAILED,
    /** Its process ended without recording an end (kill -9, crash, power loss); noticed when a store is opened. */
    KILLED;

    /**
     * Returns the stored text.
     *
     * @return the lower-case name, for example {@code running}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a stored label.
     *
     * @param label the stored text
     * @return the status
     * @throws IllegalArgumentException if the label is unknown
     */
    public static RunStatus of(String label) {
        for (RunStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + label + "'; known: running, finished, failed, killed");
    }
}
