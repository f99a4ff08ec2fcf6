package org.diffold.lab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code claims} table: before computing a cell a sweep claims it with a lease; other sweeps on the same store
 * leave a claimed cell alone until it is stored, the lease expires, or the claimer is provably gone
 * ({@link ProcessOwner#isGoneOnThisHost()}). Each decision is one {@code BEGIN IMMEDIATE} transaction, so two
 * processes can never both win a claim. Not thread-safe: {@link RunStore} serializes the calls.
 */
final class CellClaims {

    /** Outcome of {@link #claim}. */
    enum Outcome {
        /** The cell is already in {@code cells}: read it instead. */
        STORED,
        /** This owner now holds the claim and should compute the cell. */
        CLAIMED,
        /** Another live owner holds an unexpired claim: come back later. */
        HELD
    }

    private final Connection db;

    CellClaims(Connection db) {
        this.db = db;
    }

    Outcome claim(String experiment, String cellKey, String runId, ProcessOwner owner, long leaseMillis)
            throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("BEGIN IMMEDIATE");
            try {
                Outcome o = decide(experiment, cellKey, runId, owner, leaseMillis);
                st.executeUpdate("COMMIT");
                return o;
            } catch (SQLException | RuntimeException e) {
                st.executeUpdate("ROLLBACK");
                throw e;
            }
        }
    }

    private Outcome decide(String experiment, String cellKey, String runId, ProcessOwner owner, long leaseMillis)
            throws SQLException {
        if (exists("SELECT 1 FROM cells WHERE experiment = ? AND cell_key = ?", experiment, cellKey)) {
            return Outcome.STORED;
        }
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT owner, expires_at FROM claims WHERE experiment = ? AND cell_key = ?")) {
            ps.setString(1, experiment);
            ps.setString(2, cellKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String holder = rs.getString(1);
                    boolean expired = rs.getLong(2) < System.currentTimeMillis();
                    boolean mine = holder.equals(owner.toString());
                    boolean gone = ProcessOwner.parse(holder).map(ProcessOwner::isGoneOnThisHost).orElse(false);
                    if (!mine && !expired && !gone) {
                        return Outcome.HELD;
                    }
                }
            }
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO claims(experiment, cell_key, run_id,"
                + " owner, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, experiment);
            ps.setString(2, cellKey);
            ps.setString(3, runId);
            ps.setString(4, owner.toString());
            ps.setLong(5, System.currentTimeMillis() + leaseMillis);
            ps.executeUpdate();
        }
        return Outcome.CLAIMED;
    }

    /** Extends this owner's lease; returns false if the claim was lost (taken over after expiry, or released). */
    boolean renew(String experiment, String cellKey, ProcessOwner owner, long leaseMillis) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE claims SET expires_at = ? WHERE experiment = ? AND cell_key = ? AND owner = ?")) {
            ps.setLong(1, System.currentTimeMillis() + leaseMillis);
            ps.setString(2, experiment);
            ps.setString(3, cellKey);
            ps.setString(4, owner.toString());
            return ps.executeUpdate() == 1;
        }
    }

    /** Drops this owner's claim, if it still holds it. */
    void release(String experiment, String cellKey, ProcessOwner owner) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "DELETE FROM claims WHERE experiment = ? AND cell_key = ? AND owner = ?")) {
            ps.setString(1, experiment);
            ps.setString(2, cellKey);
            ps.setString(3, owner.toString());
            ps.executeUpdate();
        }
    }

    private boolean exists(String sql, String a, String b) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
