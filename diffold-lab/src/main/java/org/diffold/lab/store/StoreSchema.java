package org.diffold.lab.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Creates the run store's tables and brings a store written by an older Diffold up to {@link #VERSION} (kept in
 * SQLite's {@code user_version}). The schema is documented in {@code docs/run-store.md}; change both together.
 */
final class StoreSchema {

    /** Current schema version. 1: cells and runs; 2: run ids on cells, run status and owner, cell claims. */
    static final int VERSION = 2;

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS cells(experiment TEXT NOT NULL, cell_key TEXT NOT NULL,
          settings_json TEXT NOT NULL, results_json TEXT NOT NULL, provenance_json TEXT NOT NULL,
          created_at TEXT NOT NULL, run_id TEXT, PRIMARY KEY(experiment, cell_key))""",
        """
        CREATE TABLE IF NOT EXISTS runs(run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, args TEXT NOT NULL,
          provenance TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, report_dir TEXT, status TEXT,
          owner TEXT, results_json TEXT, error TEXT)""",
        """
        CREATE TABLE IF NOT EXISTS claims(experiment TEXT NOT NULL, cell_key TEXT NOT NULL, run_id TEXT,
          owner TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY(experiment, cell_key))""",
        "CREATE INDEX IF NOT EXISTS cells_by_run ON cells(run_id)",
        "CREATE INDEX IF NOT EXISTS runs_by_status ON runs(status)"
    };
    private static final String[][] ADDED_COLUMNS = {
        {"cells", "run_id", "TEXT"},
        {"runs", "status", "TEXT"},
        {"runs", "owner", "TEXT"},
        {"runs", "results_json", "TEXT"},
        {"runs", "error", "TEXT"}
    };

    private StoreSchema() {
    }

    /**
     * Creates missing tables, adds the columns of newer versions to older tables and labels legacy runs.
     *
     * @param db an open connection in auto-commit mode
     * @throws SQLException if SQLite refuses
     */
    static void apply(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            int version;
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version >= VERSION) {
                return;
            }
            st.executeUpdate("BEGIN IMMEDIATE");
            try {
                for (String[] c : ADDED_COLUMNS) {
                    if (tableExists(st, c[0]) && !columns(st, c[0]).contains(c[1])) {
                        st.executeUpdate("ALTER TABLE " + c[0] + " ADD COLUMN " + c[1] + " " + c[2]);
                    }
                }
                for (String ddl : TABLES) {
                    st.executeUpdate(ddl);
                }
                // Version 1 had no status: a run without an end time was interrupted (it cannot still run, since
                // the code that wrote it did not know this schema).
                st.executeUpdate("UPDATE runs SET status = CASE WHEN finished IS NULL THEN '" + RunStatus.KILLED.label()
                        + "' ELSE '" + RunStatus.FINISHED.label() + "' END WHERE status IS NULL");
                st.executeUpdate("PRAGMA user_version = " + VERSION);
                st.executeUpdate("COMMIT");
            } catch (SQLException e) {
                st.executeUpdate("ROLLBACK");
                throw e;
            }
        }
    }

    private static boolean tableExists(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return rs.next();
        }
    }

    private static Set<String> columns(Statement st, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }
}
