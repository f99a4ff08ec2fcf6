package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path dir;

    @Test
    void putIfAbsentStoresOnceAndKeepsMapOrder() {
        Path db = dir.resolve("sub/diffold.db");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("z", 1);
        settings.put("a", 0.5);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("err", 1e-3);
        results.put("nan", Double.NaN);
        results.put("curve", List.of(1.0, 2.0));
        try (RunStore store = RunStore.open(db)) {
            assertTrue(store.putIfAbsent("exp", "k1", settings, results, TestProvenance.fixed()));
            assertFalse(store.putIfAbsent("exp", "k1", Map.of(), Map.of("err", 9.0), TestProvenance.fixed()));
        }
        try (RunStore store = RunStore.open(db)) {
            Cell c = store.find("exp", "k1").orElseThrow();
            assertEquals(List.of("z", "a"), List.copyOf(c.settings().keySet()));
            assertEquals(1e-3, c.number("err"));
            assertTrue(Double.isNaN(c.number("nan")), "NaN round-trips as a double");
            assertEquals(List.of(1.0, 2.0), c.results().get("curve"));
            assertEquals(TestProvenance.fixed(), c.provenance());
            assertTrue(store.find("exp", "k2").isEmpty());
            assertTrue(store.find("other", "k1").isEmpty());
            assertEquals(1, store.cells("exp").size());
        }
    }

    @Test
    void cellsAreListedInStoredOrder() {
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            for (String k : List.of("c", "a", "b")) {
                store.putIfAbsent("e", k, Map.of(), Map.of("v", k), TestProvenance.fixed());
            }
            assertEquals(List.of("c", "a", "b"), store.cells("e").stream().map(Cell::key).toList());
        }
    }

    @Test
    void runsAreStartedAndFinished() {
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            String id = store.startRun("fig1", List.of("--n", "10"), TestProvenance.fixed());
            assertTrue(id.matches("fig1-20240501-000000-[0-9a-f]{6}"), id);
            RunRecord open = store.run(id).orElseThrow();
            assertFalse(open.isFinished());
            assertEquals(List.of("--n", "10"), open.args());
            store.finishRun(id, Path.of("runs", id));
            RunRecord done = store.runs("fig1").get(0);
            assertTrue(done.isFinished());
            assertEquals(Path.of("runs", id).toString(), done.report().orElseThrow());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.finishRun("nope", null));
            assertTrue(e.getMessage().startsWith("run id 'nope' is not in run store"), e.getMessage());
        }
    }

    @Test
    void rejectsBadExperimentNamesAndKeys() {
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.putIfAbsent("../x", "k", Map.of(), Map.of(), TestProvenance.fixed()));
            assertTrue(e.getMessage().startsWith("experiment name '../x' must be"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> store.putIfAbsent("x", " ", Map.of(), Map.of(), TestProvenance.fixed()));
        }
    }
}
