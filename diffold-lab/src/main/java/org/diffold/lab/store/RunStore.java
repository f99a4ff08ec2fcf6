package org.diffold.lab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite run store (default {@value #DEFAULT_FILE}): table {@code cells} holds one row per computed sweep
 * cell, keyed by {@code (experiment, cell_key)} and carrying the {@code run_id} that computed it, table {@code runs}
 * one row per command invocation with its status, and table {@code claims} the cells being computed right now
 * (see {@link Sweep}). The schema is documented in {@code docs/run-store.md}.
 *
 * <p>Opening a store marks as {@link RunStatus#KILLED} every {@code running} run whose process on this host is
 * gone, so a run killed with kill -9 does not look as if it still ran.
 *
 * <p>The database uses write-ahead logging and a busy timeout, so several processes may share it. Every write is
 * its own committed transaction: a process killed at any point loses at most the cell it was computing. Methods
 * are synchronized; one instance may be shared by threads. SQL failures surface as {@link StoreException}.
 */
public final class RunStore implements AutoCloseable {

    /** Default database location, relative to the working directory. */
    public static final String DEFAULT_FILE = "runs/diffold.db";
    /** Milliseconds a write waits for another process's lock before failing. */
    public static final int BUSY_TIMEOUT_MS = 30_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CELL_COLUMNS =
            "experiment, cell_key, settings_json, results_json, provenance_json, created_at, run_id";

    private final Path file;
    private final Connection db;
    private final ProcessOwner owner = ProcessOwner.current();
    private final CellClaims claims;

    private RunStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.claims = new CellClaims(db);
    }

    /**
     * Opens the default store {@value #DEFAULT_FILE}, creating it if needed.
     *
     * @return the open store
     */
    public static RunStore openDefault() {
        return open(Path.of(DEFAULT_FILE));
    }

    /**
     * Opens or creates a store; missing parent folders are created.
     *
     * @param file the SQLite database file
     * @return the open store
     * @throws StoreException if the file cannot be opened or initialised
     */
    public static RunStore open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of run store " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file);
            try {
                StoreSchema.apply(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            RunStore store = new RunStore(file, c);
            store.markKilledRuns();
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open run store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the database file.
     *
     * @return the path given to {@link #open(Path)}
     */
    public Path path() {
        return file;
    }

    /**
     * Looks up one cell.
     *
     * @param experiment experiment name
     * @param cellKey the cell's key
     * @return the stored cell, or empty if it was never stored
     */
    public synchronized Optional<Cell> find(String experiment, String cellKey) {
        List<Cell> found = queryCells("experiment = ? AND cell_key = ?", experiment, cellKey);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Stores a cell unless one with the same experiment and key exists; committed before returning.
     *
     * @param experiment experiment name: letters, digits, {@code . _ -}, at most 100 characters
     * @param cellKey non-blank key, stable across runs
     * @param settings ordered settings; must be JSON-serializable
     * @param results ordered results; must be JSON-serializable
     * @param provenance provenance of the computing run
     * @return true if stored, false if the cell already existed (the existing row is kept)
     */
    public boolean putIfAbsent(String experiment, String cellKey, Map<String, Object> settings,
            Map<String, Object> results, Provenance provenance) {
        return putIfAbsent(experiment, cellKey, settings, results, provenance, null);
    }

    /**
     * Stores a cell computed by a recorded run unless one with the same experiment and key exists.
     *
     * @param experiment experiment name: letters, digits, {@code . _ -}, at most 100 characters
     * @param cellKey non-blank key, stable across runs
     * @param settings ordered settings; must be JSON-serializable
     * @param results ordered results; must be JSON-serializable
     * @param provenance provenance of the computing run
     * @param runId id of the computing run ({@link #startRun}), or null if none was recorded
     * @return true if stored, false if the cell already existed (the existing row is kept)
     */
    public synchronized boolean putIfAbsent(String experiment, String cellKey, Map<String, Object> settings,
            Map<String, Object> results, Provenance provenance, String runId) {
        checkName(experiment);
        checkKey(cellKey);
        String sql = "INSERT OR IGNORE INTO cells(" + CELL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, experiment);
            ps.setString(2, cellKey);
            ps.setString(3, Json.write(Objects.requireNonNull(settings, "settings")));
            ps.setString(4, Json.write(Objects.requireNonNull(results, "results")));
            ps.setString(5, provenance.toJson());
            ps.setString(6, Instant.now().toString());
            ps.setString(7, runId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("store cell " + experiment + "/" + cellKey, e);
        }
    }

    /**
     * Lists the cells of one experiment in the order they were stored.
     *
     * @param experiment experiment name
     * @return the cells, possibly empty
     */
    public synchronized List<Cell> cells(String experiment) {
        return queryCells("experiment = ?", experiment);
    }

    /**
     * Lists the cells a run computed, in the order they were stored.
     *
     * @param runId the run id
     * @return the cells, possibly empty (also for a run that found every cell already stored)
     */
    public synchronized List<Cell> cellsOfRun(String runId) {
        return queryCells("run_id = ?", runId);
    }

    /**
     * Records the start of a run and returns its new id {@code <experiment>-<yyyyMMdd-HHmmss>-<6 hex>} (UTC),
     * which is also the name of its report folder.
     *
     * @param experiment experiment name: letters, digits, {@code . _ -}, at most 100 characters
     * @param args command-line arguments
     * @param provenance provenance of the run; its start time is recorded as {@code started}
     * @return the run id
     */
    public synchronized String startRun(String experiment, List<String> args, Provenance provenance) {
        checkName(experiment);
        Instant start = Instant.parse(provenance.startTime());
        String runId = experiment + "-" + ID_TIME.format(start) + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt())
                .substring(2);
        String sql = "INSERT INTO runs(run_id, experiment, args, provenance, started, status, owner)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, runId);
            ps.setString(2, experiment);
            ps.setString(3, Json.write(List.copyOf(args)));
            ps.setString(4, provenance.toJson());
            ps.setString(5, provenance.startTime());
            ps.setString(6, RunStatus.RUNNING.label());
            ps.setString(7, owner.toString());
            ps.executeUpdate();
            return runId;
        } catch (SQLException e) {
            throw failure("record start of run " + runId, e);
        }
    }

    /**
     * Marks a run finished now.
     *
     * @param runId id returned by {@link #startRun}
     * @param reportDir folder of its report, or null if it wrote none
     * @throws IllegalArgumentException if no run has this id
     */
    public void finishRun(String runId, Path reportDir) {
        finishRun(runId, reportDir, null);
    }

    /**
     * Marks a run finished now and records its summary results (what the command printed under {@code --json}).
     *
     * @param runId id returned by {@link #startRun}
     * @param reportDir folder of its report, or null if it wrote none
     * @param results JSON-serializable results, or null for none
     * @throws IllegalArgumentException if no run has this id
     */
    public synchronized void finishRun(String runId, Path reportDir, Map<String, Object> results) {
        boolean updated;
        try {
            updated = RunTable.end(db, runId, RunStatus.FINISHED, reportDir, results == null ? null : Json.write(results), null);
        } catch (SQLException e) {
            throw failure("record end of run " + runId, e);
        }
        checkEnded(updated, runId);
    }

    /**
     * Marks a run failed now.
     *
     * @param runId id returned by {@link #startRun}
     * @param error one-line description of the failure
     * @throws IllegalArgumentException if no run has this id
     */
    public synchronized void failRun(String runId, String error) {
        boolean updated;
        try {
            updated = RunTable.end(db, runId, RunStatus.FAILED, null, null, error == null ? "unknown error" : error);
        } catch (SQLException e) {
            throw failure("record failure of run " + runId, e);
        }
        checkEnded(updated, runId);
    }


    /**
     * Looks up a run.
     *
     * @param runId the run id
     * @return the run, or empty
     */
    public synchronized Optional<RunRecord> run(String runId) {
        List<RunRecord> found = queryRuns("WHERE run_id = ?", runId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Lists the runs of one experiment, oldest first.
     *
     * @param experiment experiment name
     * @return the runs, possibly empty
     */
    public synchronized List<RunRecord> runs(String experiment) {
        return queryRuns("WHERE experiment = ? ORDER BY started, rowid", experiment);
    }

    /**
     * Lists the most recent runs of every experiment, newest first.
     *
     * @param limit at most this many, {@code >= 1}
     * @return the runs, possibly empty
     */
    public synchronized List<RunRecord> recentRuns(int limit) {
        return queryRuns("ORDER BY started DESC, rowid DESC LIMIT " + Math.max(1, limit), null);
    }

    /**
     * Marks as killed every running run whose owning process on this host is gone; called by {@link #open}.
     *
     * @return how many runs were marked
     */
    public synchronized int markKilledRuns() {
        try {
            return RunTable.markKilled(db);
        } catch (SQLException | IOException e) {
            throw failure("mark killed runs", e);
        }
    }

    /**
     * Returns the owner this store instance claims cells and starts runs as.
     *
     * @return host, process and instance token
     */
    public ProcessOwner owner() {
        return owner;
    }

    synchronized CellClaims.Outcome claim(String experiment, String cellKey, String runId, long leaseMillis) {
        try {
            return claims.claim(experiment, cellKey, runId, owner, leaseMillis);
        } catch (SQLException e) {
            throw failure("claim cell " + experiment + "/" + cellKey, e);
        }
    }

    synchronized boolean renewClaim(String experiment, String cellKey, long leaseMillis) {
        try {
            return claims.renew(experiment, cellKey, owner, leaseMillis);
        } catch (SQLException e) {
            throw failure("renew claim on cell " + experiment + "/" + cellKey, e);
        }
    }

    synchronized void releaseClaim(String experiment, String cellKey) {
        try {
            claims.release(experiment, cellKey, owner);
        } catch (SQLException e) {
            throw failure("release claim on cell " + experiment + "/" + cellKey, e);
        }
    }

    /** Closes the database connection; further calls fail. */
    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }


    private List<Cell> queryCells(String where, String... values) {
        String sql = "SELECT " + CELL_COLUMNS + " FROM cells WHERE " + where + " ORDER BY rowid";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            List<Cell> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Cell(rs.getString(1), rs.getString(2), Json.readMap(rs.getString(3)),
                            Json.readMap(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read cells where " + where + " " + String.join(", ", values), e);
        }
    }

    private void checkEnded(boolean updated, String runId) {
        if (!updated) {
            throw new IllegalArgumentException("run id '" + runId + "' is not in run store " + file);
        }
    }

    private List<RunRecord> queryRuns(String where, String value) {
        try {
            return RunTable.query(db, where, value);
        } catch (SQLException | IOException e) {
            throw failure("read runs", e);
        }
    }

    static void checkName(String experiment) {
        if (experiment == null || !NAME.matcher(experiment).matches()) {
            throw new IllegalArgumentException("experiment name '" + experiment
                    + "' must be 1-100 characters of letters, digits, '.', '_', '-' starting with a letter or digit");
        }
    }

    static void checkKey(String cellKey) {
        if (cellKey == null || cellKey.isBlank()) {
            throw new IllegalArgumentException("cell key must be non-blank, got '" + cellKey + "'");
        }
    }

    private StoreException failure(String what, Exception e) {
        return new StoreException("run store " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
