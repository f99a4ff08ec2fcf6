package org.diffold.lab.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored sweep cell: the settings it was computed with, its results and the provenance of the run that
 * computed it.
 *
 * @param experiment experiment name
 * @param key the cell's stable key within the experiment
 * @param settings ordered settings, read-only
 * @param results ordered results, read-only; numbers are {@code Integer}, {@code Long} or {@code Double}
 * @param provenanceJson {@link Provenance#toJson()} of the computing run
 * @param createdAt ISO-8601 UTC instant at which the cell was stored
 * @param runId id of the run that computed it, or null for cells stored without a recorded run
 */
public record Cell(String experiment, String key, Map<String, Object> settings, Map<String, Object> results,
        String provenanceJson, String createdAt, String runId) {

    /** Checks for nulls and makes the maps read-only, keeping their order. */
    public Cell {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(key, "key");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        Objects.requireNonNull(provenanceJson, "provenanceJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Returns a numeric result.
     *
     * @param name result name
     * @return its value as a double
     * @throws IllegalArgumentException if the result is missing or not a number
     */
    public double number(String name) {
        Object v = results.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("result '" + name + "' of cell " + key + " is "
                + (v == null ? "missing" : "not a number: " + v) + "; results: " + results.keySet());
    }

    /**
     * Parses the stored provenance.
     *
     * @return the provenance of the run that computed this cell
     */
    public Provenance provenance() {
        return Provenance.fromJson(provenanceJson);
    }
}
