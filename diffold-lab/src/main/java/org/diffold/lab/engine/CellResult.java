package org.diffold.lab.engine;

import java.io.Serializable;
import java.util.Objects;

/**
 * One computed cell as it travels back to the process that writes the run store.
 *
 * @param key the cell's key
 * @param resultsJson {@link org.diffold.lab.store.Json#write} of its results
 */
public record CellResult(String key, String resultsJson) implements Serializable {

    /** Checks for nulls. */
    public CellResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resultsJson, "resultsJson");
    }
}
