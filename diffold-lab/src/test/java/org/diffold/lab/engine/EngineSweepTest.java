package org.diffold.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.diffold.lab.experiment.liyan.LiYanConfig;
import org.diffold.lab.experiment.liyan.LiYanExperiment;
import org.diffold.lab.store.Cell;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSweepTest {
    static final LiYanConfig SMALL = new LiYanConfig(4, List.of(6, 30), List.of(20, 40), List.of("li-yan", "classic"),
            2, 4, List.of(8), List.of(20), 200);
    static final long SEED = 7;
    @TempDir Path dir;

    /** The store's rows of a sweep, as JSON text per key: what "bit-identical" is checked on. */
    static Map<String, String> rows(RunStore store) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Cell c : store.cells(LiYanExperiment.NAME)) out.put(c.key(), Json.write(c.results()));
        return out;
    }

    private Map<String, String> plainSweep() {
        try (RunStore store = RunStore.open(dir.resolve("plain.db"))) {
            LiYanExperiment e = new LiYanExperiment(SMALL, SEED, 2);
            new Sweep<SweepCell>(store, LiYanExperiment.NAME, Provenance.capture(SEED, 2, List.of()))
                    .run(e.cells(), e::compute, SweepListener.NONE);
            return rows(store);
        }
    }

    private Map<String, String> engineSweep(String db, SweepEngine engine) {
        try (RunStore store = RunStore.open(dir.resolve(db))) {
            List<SweepCell> cells = new LiYanExperiment(SMALL, SEED, 2).cells();
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, Provenance.capture(SEED, 2, List.of()), engine);
            List<Map<String, Object>> results = sweep.run(LiYanCells.recipe(SMALL, SEED, 2), cells, SweepListener.NONE);
            assertEquals(cells.size(), results.size());
            assertEquals(cells.size(), sweep.computed());
            return rows(store);
        }
    }

    @Test
    void localEngineWithOneOrThreeWorkersStoresTheSameBitsAsThePlainSweep() {
        Map<String, String> plain = plainSweep();
        assertEquals(new LiYanExperiment(SMALL, SEED, 2).cells().size(), plain.size());
        assertEquals(plain, engineSweep("one.db", new LocalEngine(1)));
        assertEquals(plain, engineSweep("three.db", SweepEngines.open("local", Map.of("workers", "3"))));
    }

    @Test
    void exactCellsOfOneDesignAndStepCountShareAGroup() {
        LiYanCells computer = new LiYanCells();
        List<CellSpec> specs = new ArrayList<>();
        for (SweepCell c : new LiYanExperiment(SMALL, SEED, 2).cells()) specs.add(CellSpec.of(c, computer.group(c)));
        // 2 targets x 2 designs x 2 T exact groups of |D| = 2 cells, plus 2 x 2 x 1 x 1 simulated singletons
        assertEquals(8 + 4, CellSpec.groups(specs).size());
        assertEquals(2, CellSpec.groups(specs).get(0).size());
    }

    @Test
    void interruptedSweepResumesWithTheMissingCellsOnly() {
        Map<String, String> plain = plainSweep();
        Path db = dir.resolve("resume.db");
        List<SweepCell> cells = new LiYanExperiment(SMALL, SEED, 2).cells();
        CellRecipe recipe = LiYanCells.recipe(SMALL, SEED, 2);
        Provenance p = Provenance.capture(SEED, 2, List.of());
        try (RunStore store = RunStore.open(db)) {
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, p, new LocalEngine(2));
            RuntimeException stop = assertThrows(RuntimeException.class, () -> sweep.run(recipe, cells, (done, total, key) -> {
                if (done == 5) throw new RuntimeException("interrupted");
            }));
            assertEquals("interrupted", stop.getMessage());
            assertEquals(5, store.cells(LiYanExperiment.NAME).size());
        }
        try (RunStore store = RunStore.open(db)) {
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, p, new LocalEngine(2));
            sweep.run(recipe, cells, SweepListener.NONE);
            assertEquals(cells.size() - 5, sweep.computed());
            assertEquals(plain, rows(store));
        }
    }

    @Test
    void aResultDeliveredTwiceIsStoredOnce() {
        SweepEngine twice = new SweepEngine() {
            @Override public String describe() { return "twice"; }
            @Override public void compute(CellRecipe recipe, List<CellSpec> cells, CellSink sink) {
                for (List<CellSpec> g : CellSpec.groups(cells)) {
                    for (CellResult r : CellTask.computeGroup(recipe, g)) {
                        sink.accept(r);
                        sink.accept(r);
                    }
                }
            }
            @Override public void close() { }
        };
        try (RunStore store = RunStore.open(dir.resolve("twice.db"))) {
            List<SweepCell> cells = new LiYanExperiment(SMALL, SEED, 2).cells();
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, Provenance.capture(SEED, 2, List.of()), twice);
            sweep.run(LiYanCells.recipe(SMALL, SEED, 2), cells, SweepListener.NONE);
            assertEquals(cells.size(), sweep.computed());
            assertEquals(cells.size(), sweep.duplicates());
            assertEquals(cells.size(), store.cells(LiYanExperiment.NAME).size());
        }
    }

    @Test
    void storedCellWithOtherSettingsIsRefusedBeforeAnyWork() {
        try (RunStore store = RunStore.open(dir.resolve("clash.db"))) {
            List<SweepCell> cells = new LiYanExperiment(SMALL, SEED, 2).cells();
            store.putIfAbsent(LiYanExperiment.NAME, cells.get(3).key(), Map.of("other", 1), Map.of("kl", 1.0),
                    Provenance.capture(SEED, 2, List.of()));
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, Provenance.capture(SEED, 2, List.of()),
                    new LocalEngine(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sweep.run(LiYanCells.recipe(SMALL, SEED, 2), cells, SweepListener.NONE));
            assertTrue(e.getMessage().contains(cells.get(3).key()), e.getMessage());
            assertEquals(1, store.cells(LiYanExperiment.NAME).size());
        }
    }

    @Test
    void unknownEnginesAndOptionsNameWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepEngines.open("nope", Map.of()));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("local"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepEngines.open("local", Map.of("workers", "0")));
        assertTrue(e.getMessage().contains("workers") && e.getMessage().contains(">= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepEngines.open("local", Map.of("master", "local[2]")));
        assertTrue(e.getMessage().contains("'master'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CellComputers.find("nope"));
        assertTrue(e.getMessage().contains("li-yan"), e.getMessage());
    }
}
