package org.diffold.lab.store;

import java.util.List;
import java.util.Map;
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
 * @param finished ISO-8601 UTC instant at which it finished or failed, or null while running or once killed
 * @param reportDir folder of the written report, or null if none
 * @param status running, finished, failed or killed
 * @param owner {@link ProcessOwner} text of the process that ran it, or null for runs of schema version 1
 * @param resultsJson summary results as JSON (what the command printed under {@code --json}), or null
 * @param error the failure message of a failed run, or null
 */
public record RunRecord(String runId, String experiment, List<String> args, String provenanceJson, String started,
        String finished, String reportDir, RunStatus status, String owner, String resultsJson, String error) {

    /** Checks required fields and copies the arguments. */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        args = List.copyOf(args);
        Objects.requireNonNull(provenanceJson, "provenanceJson");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Parses the summary results.
     *
     * @return the results map, empty if none were recorded
     */
    public Map<String, Object> results() {
        return resultsJson == null ? Map.of() : Json.readMap(resultsJson);
    }

    /**
     * Tells whether the run was marked finished.
     *
     * @return true if its status is {@link RunStatus#FINISHED}
     */
    public boolean isFinished() {
        return status == RunStatus.FINISHED;
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
