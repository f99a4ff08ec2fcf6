package org.diffold.lab.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL of the {@code runs} table for {@link RunStore}, which serializes the calls. */
final class RunTable {

    private static final String COLUMNS =
            "run_id, experiment, args, provenance, started, finished, report_dir, status, owner, results_json, error";

    private RunTable() {
    }

    /** Sets the end of a run; returns false if no run has this id. */
    static boolean end(Connection db, String runId, RunStatus status, Path reportDir, String resultsJson,
            String error) throws SQLException {
        String sql = "UPDATE runs SET finished = ?, report_dir = ?, status = ?, results_json = ?, error = ?"
                + " WHERE run_id = ?";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, reportDir == null ? null : reportDir.toString());
            ps.setString(3, status.label());
            ps.setString(4, resultsJson);
            ps.setString(5, error);
            ps.setString(6, runId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks every running run whose owning process on this host is gone as killed; returns how many. */
    static int markKilled(Connection db) throws SQLException, IOException {
        int n = 0;
        String sql = "UPDATE runs SET status = ? WHERE run_id = ? AND status = ?";
        for (RunRecord r : query(db, "WHERE status = ?", RunStatus.RUNNING.label())) {
            if (ProcessOwner.parse(r.owner()).map(ProcessOwner::isGoneOnThisHost).orElse(false)) {
                try (PreparedStatement ps = db.prepareStatement(sql)) {
                    ps.setString(1, RunStatus.KILLED.label());
                    ps.setString(2, r.runId());
                    ps.setString(3, RunStatus.RUNNING.label());
                    n += ps.executeUpdate();
                }
            }
        }
        return n;
    }

    /** Reads runs; {@code where} may hold one {@code ?} filled with {@code value} (null: no parameter). */
    static List<RunRecord> query(Connection db, String where, String value) throws SQLException, IOException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM runs " + where)) {
            if (value != null) {
                ps.setString(1, value);
            }
            List<RunRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> args = Json.mapper().readerForListOf(String.class).readValue(rs.getString(3));
                    out.add(new RunRecord(rs.getString(1), rs.getString(2), args, rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), RunStatus.of(rs.getString(8)),
                            rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
            return out;
        }
    }
}
