package org.diffold.lab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * cell, keyed by {@code (experiment, cell_key)}, and table {@code runs} one row per command invocation.
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
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS cells(experiment TEXT NOT NULL, cell_key TEXT NOT NULL,
              settings_json TEXT NOT NULL, results_json TEXT NOT NULL, provenance_json TEXT NOT NULL,
              created_at TEXT NOT NULL, PRIMARY KEY(experiment, cell_key));
            CREATE TABLE IF NOT EXISTS runs(run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, args TEXT NOT NULL,
              provenance TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, report_dir TEXT);
            """;
    private static final String CELL_COLUMNS =
            "experiment, cell_key, settings_json, results_json, provenance_json, created_at";

    private final Path file;
    private final Connection db;

    private RunStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
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
            try (Statement st = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        st.executeUpdate(ddl);
                    }
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new RunStore(file, c);
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
        String sql = "SELECT " + CELL_COLUMNS + " FROM cells WHERE experiment = ? AND cell_key = ?";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, experiment);
            ps.setString(2, cellKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(cell(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read cell " + experiment + "/" + cellKey, e);
        }
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
    public synchronized boolean putIfAbsent(String experiment, String cellKey, Map<String, Object> settings,
            Map<String, Object> results, Provenance provenance) {
        checkName(experiment);
        checkKey(cellKey);
        String sql = "INSERT OR IGNORE INTO cells(" + CELL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, experiment);
            ps.setString(2, cellKey);
            ps.setString(3, Json.write(Objects.requireNonNull(settings, "settings")));
            ps.setString(4, Json.write(Objects.requireNonNull(results, "results")));
            ps.setString(5, provenance.toJson());
            ps.setString(6, Instant.now().toString());
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
        String sql = "SELECT " + CELL_COLUMNS + " FROM cells WHERE experiment = ? ORDER BY rowid";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, experiment);
            List<Cell> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(cell(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("list cells of " + experiment, e);
        }
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
        String sql = "INSERT INTO runs(run_id, experiment, args, provenance, started) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, runId);
            ps.setString(2, experiment);
            ps.setString(3, Json.write(List.copyOf(args)));
            ps.setString(4, provenance.toJson());
            ps.setString(5, provenance.startTime());
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
    public synchronized void finishRun(String runId, Path reportDir) {
        String sql = "UPDATE runs SET finished = ?, report_dir = ? WHERE run_id = ?";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, reportDir == null ? null : reportDir.toString());
            ps.setString(3, runId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalArgumentException("run id '" + runId + "' is not in run store " + file);
            }
        } catch (SQLException e) {
            throw failure("record end of run " + runId, e);
        }
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

    /** Closes the database connection; further calls fail. */
    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private List<RunRecord> queryRuns(String where, String value) {
        String sql = "SELECT run_id, experiment, args, provenance, started, finished, report_dir FROM runs " + where;
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, value);
            List<RunRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> args = Json.mapper().readerForListOf(String.class).readValue(rs.getString(3));
                    out.add(new RunRecord(rs.getString(1), rs.getString(2), args, rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException | IOException e) {
            throw failure("read runs", e);
        }
    }

    private static Cell cell(ResultSet rs) throws SQLException {
        return new Cell(rs.getString(1), rs.getString(2), Json.readMap(rs.getString(3)),
                Json.readMap(rs.getString(4)), rs.getString(5), rs.getString(6));
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
