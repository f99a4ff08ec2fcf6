package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run status bookkeeping and the upgrade of a schema-version-1 store. */
class RunStoreSchemaTest {

    @TempDir
    Path dir;

    @Test
    void versionOneStoreIsUpgradedInPlaceKeepingItsRows() throws Exception {
        Path db = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE cells(experiment TEXT NOT NULL, cell_key TEXT NOT NULL, settings_json TEXT"
                    + " NOT NULL, results_json TEXT NOT NULL, provenance_json TEXT NOT NULL, created_at TEXT NOT NULL,"
                    + " PRIMARY KEY(experiment, cell_key))");
            st.executeUpdate("CREATE TABLE runs(run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, args TEXT NOT NULL,"
                    + " provenance TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, report_dir TEXT)");
            String prov = TestProvenance.fixed().toJson().replace("'", "''");
            st.executeUpdate("INSERT INTO cells VALUES ('e', 'k', '{}', '{\"v\":1}', '" + prov + "', '2024-01-01T00:00:00Z')");
            st.executeUpdate("INSERT INTO runs VALUES ('e-1', 'e', '[]', '" + prov + "', '2024-01-01T00:00:00Z', NULL, NULL)");
            st.executeUpdate("INSERT INTO runs VALUES ('e-2', 'e', '[]', '" + prov + "', '2024-01-01T00:00:01Z',"
                    + " '2024-01-01T00:00:02Z', NULL)");
        }
        try (RunStore store = RunStore.open(db)) {
            Cell old = store.find("e", "k").orElseThrow();
            assertEquals(1, old.results().get("v"));
            assertNull(old.runId());
            assertEquals(RunStatus.KILLED, store.run("e-1").orElseThrow().status(), "v1 run without an end");
            assertEquals(RunStatus.FINISHED, store.run("e-2").orElseThrow().status());
            String id = store.startRun("e", List.of("x"), TestProvenance.fixed());
            assertTrue(store.putIfAbsent("e", "k2", Map.of(), Map.of("v", 2), TestProvenance.fixed(), id));
            assertEquals(List.of("k2"), store.cellsOfRun(id).stream().map(Cell::key).toList());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            assertEquals(StoreSchema.VERSION, rs.getInt(1));
        }
    }

    @Test
    void runsEndFinishedWithResultsOrFailedWithTheError() {
        try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
            String ok = store.startRun("a", List.of("diffold", "a"), TestProvenance.fixed());
            RunRecord running = store.run(ok).orElseThrow();
            assertEquals(RunStatus.RUNNING, running.status());
            assertEquals(store.owner().toString(), running.owner());
            assertEquals(0, store.markKilledRuns(), "a run of a live process is not killed");
            store.finishRun(ok, null, Map.of("kl", 0.5));
            RunRecord done = store.run(ok).orElseThrow();
            assertEquals(RunStatus.FINISHED, done.status());
            assertEquals(0.5, done.results().get("kl"));
            String bad = store.startRun("b", List.of(), TestProvenance.fixed());
            store.failRun(bad, "boom");
            RunRecord failed = store.run(bad).orElseThrow();
            assertEquals(RunStatus.FAILED, failed.status());
            assertEquals("boom", failed.error());
            assertTrue(failed.finished() != null && !failed.isFinished());
            assertEquals(List.of(bad, ok), store.recentRuns(10).stream().map(RunRecord::runId).toList(), "newest first");
        }
    }
}
