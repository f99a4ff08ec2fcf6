package org.diffold.lab.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the {@code runs} table: a command invocation that ran an experiment.
 *
 * @param runId unique id, also the name of the report folder
 * @param experiment experiment name
 * @param args command-line arguments
 * @param provenanceJson {@link Provenance#toJson()} of the run
 * @param started ISO-8601 UTC start instant
 * @param finished ISO-8601 UTC finish instant, or null while running or after a crash
 * @param reportDir folder of the written report, or null if none
 */
public record RunRecord(String runId, String experiment, List<String> args, String provenanceJson, String started,
        String finished, String reportDir) {

    /** Checks required fields and copies the arguments. */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        args = List.copyOf(args);
        Objects.requireNonNull(provenanceJson, "provenanceJson");
        Objects.requireNonNull(started, "started");
    }

    /**
     * Tells whether the run was marked finished.
     *
     * @return true if {@link #finished()} is set
     */
    public boolean isFinished() {
        return finished != null;
    }

    /**
     * Returns the report folder, if one was recorded.
     *
     * @return the folder path text
     */
    public Optional<String> report() {
        return Optional.ofNullable(reportDir);
    }
}
