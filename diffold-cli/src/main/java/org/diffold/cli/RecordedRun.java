package org.diffold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;

/**
 * One command invocation recorded in the run store ({@code --db}): a {@code runs} row is started before the work,
 * then marked finished with the command's summary results, or failed with the error's message. A run killed
 * in between is marked killed the next time any command opens the store.
 */
final class RecordedRun {

    /** The recorded work. */
    @FunctionalInterface
    interface Body {
        /**
         * Does the command's work.
         *
         * @param run the recorded run: its id, store and provenance
         * @return the exit code
         * @throws Exception on failure; the run is then marked failed
         */
        int run(RecordedRun run) throws Exception;
    }

    private final RunStore store;
    private final String runId;
    private final Provenance provenance;
    private boolean ended;

    private RecordedRun(RunStore store, String runId, Provenance provenance) {
        this.store = store;
        this.runId = runId;
        this.provenance = provenance;
    }

    /**
     * Opens the store, starts a run named {@code experiment}, runs the body and records how it ended.
     *
     * @param common the command's common options (store path, command line, seed, threads)
     * @param experiment the run's experiment name, for example {@code error} or {@code bench-sampler}
     * @param body the work
     * @return the body's exit code
     * @throws Exception what the body throws, after the run is marked failed
     */
    static int record(CommonOptions common, String experiment, Body body) throws Exception {
        Provenance provenance = common.provenance();
        Path db = common.db().toAbsolutePath();
        Path existing = db.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        boolean newStore = !Files.exists(db);
        try {
            return record(common, experiment, body, provenance);
        } catch (UsageException | IllegalArgumentException | picocli.CommandLine.ParameterException e) {
            // A refused command line leaves nothing behind: a store this call created goes again.
            if (newStore) removeCreated(db, existing);
            throw e;
        }
    }

    private static int record(CommonOptions common, String experiment, Body body, Provenance provenance) throws Exception {
        try (RunStore store = common.openStore()) {
            RecordedRun run = new RecordedRun(store, store.startRun(experiment, common.commandLine(), provenance),
                    provenance);
            try {
                int code = body.run(run);
                if (!run.ended) {
                    run.finish(null, null);
                }
                return code;
            } catch (Exception | Error e) {
                if (!run.ended) {
                    store.failRun(run.runId, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                throw e;
            }
        }
    }

    /** Deletes the store file {@code db} with its SQLite side files, then the folders above it up to {@code keep}. */
    private static void removeCreated(Path db, Path keep) {
        try {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
            for (Path dir = db.getParent(); dir != null && !dir.equals(keep); dir = dir.getParent()) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) break;
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // best effort: the usage error is what the user must see
        }
    }

    /**
     * Marks the run finished.
     *
     * @param reportDir its report folder, or null
     * @param results its summary results (recorded as {@code results_json}, keys snake_case), or null
     */
    void finish(Path reportDir, Map<String, Object> results) {
        store.finishRun(runId, reportDir, results == null ? null : JsonOutput.snakeKeys(results));
        ended = true;
    }

    /** @return the run id, also the name of its report folder */
    String id() {
        return runId;
    }

    /** @return the open run store */
    RunStore store() {
        return store;
    }

    /** @return the provenance recorded with the run */
    Provenance provenance() {
        return provenance;
    }
}
