package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    @TempDir
    Path dir;

    static List<SweepCell> cells(int n) {
        List<SweepCell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("i", i);
            s.put("sigma", 0.1 * i);
            cells.add(SweepCell.of("i=" + i, s));
        }
        return cells;
    }

    /** The result a cell should get: a pure function of its settings. */
    static Map<String, Object> square(SweepCell c) {
        int i = ((Number) c.settings().get("i")).intValue();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("square", i * i);
        r.put("half", i / 2.0);
        return r;
    }

    @Test
    void interruptedSweepResumesWithOnlyMissingCells() {
        List<SweepCell> cells = cells(6);
        List<String> computed = new ArrayList<>();
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            Sweep<SweepCell> sweep = new Sweep<>(store, "squares", TestProvenance.fixed());
            IllegalStateException crash = assertThrows(IllegalStateException.class, () -> sweep.run(cells, c -> {
                if (c.key().equals("i=3")) {
                    throw new IllegalStateException("simulated crash");
                }
                computed.add(c.key());
                return square(c);
            }, SweepListener.NONE));
            assertEquals("simulated crash", crash.getMessage());
            assertEquals(List.of("i=0", "i=1", "i=2"), computed);
            assertEquals(3, sweep.missing(cells));

            computed.clear();
            List<String> progress = new ArrayList<>();
            List<Map<String, Object>> results = sweep.run(cells, c -> {
                computed.add(c.key());
                return square(c);
            }, (done, total, key) -> progress.add(done + "/" + total + " " + key));

            assertEquals(List.of("i=3", "i=4", "i=5"), computed, "only the missing cells are computed");
            assertEquals(List.of("1/6 i=0", "2/6 i=1", "3/6 i=2", "4/6 i=3", "5/6 i=4", "6/6 i=5"), progress);
            assertEquals(6, results.size());
            for (int i = 0; i < 6; i++) {
                assertEquals(i * i, results.get(i).get("square"));
                assertEquals(i / 2.0, results.get(i).get("half"));
            }
            assertEquals(6, store.cells("squares").size(), "one row per cell, no duplicates");
            assertEquals(0, sweep.missing(cells));
        }
    }

    @Test
    void finishedSweepComputesNothingAndReturnsEqualResults() {
        List<SweepCell> cells = cells(3);
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            Sweep<SweepCell> sweep = new Sweep<>(store, "squares", TestProvenance.fixed());
            List<Map<String, Object>> first = sweep.run(cells, SweepTest::square, SweepListener.NONE);
            List<Map<String, Object>> again = sweep.run(cells, c -> {
                throw new AssertionError("must not recompute " + c.key());
            }, SweepListener.NONE);
            assertEquals(first, again);
        }
    }

    @Test
    void storedCellWithOtherSettingsIsAnError() {
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            Sweep<SweepCell> sweep = new Sweep<>(store, "e", TestProvenance.fixed());
            sweep.run(List.of(SweepCell.of("k", Map.of("n", 10))), c -> Map.of("v", 1), SweepListener.NONE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sweep.run(
                    List.of(SweepCell.of("k", Map.of("n", 20))), c -> Map.of("v", 2), SweepListener.NONE));
            assertTrue(e.getMessage().startsWith("cell e/k is stored with settings {\"n\":10} but now has {\"n\":20}"),
                    e.getMessage());
        }
    }

    @Test
    void duplicateKeysAndCheckedFailuresAreReported() {
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            Sweep<SweepCell> sweep = new Sweep<>(store, "e", TestProvenance.fixed());
            List<SweepCell> dup = List.of(SweepCell.of("k", Map.of()), SweepCell.of("k", Map.of()));
            assertThrows(IllegalArgumentException.class, () -> sweep.run(dup, c -> Map.of(), SweepListener.NONE));
            SweepException e = assertThrows(SweepException.class, () -> sweep.run(
                    List.of(SweepCell.of("k", Map.of())), c -> {
                        throw new IOException("disk gone");
                    }, SweepListener.NONE));
            assertEquals("experiment e, cell k: disk gone", e.getMessage());
        }
    }
}
