package org.diffold.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.diffold.lab.engine.EngineSweep;
import org.diffold.lab.engine.LocalEngine;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.engine.SweepEngines;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on loopback: Master and Worker JVMs, a sweep against {@code spark://127.0.0.1:PORT},
 * the worker's executor killed (SIGKILL) mid-sweep; the master starts another and every cell is stored once.
 */
class StandaloneClusterTest {
    @TempDir Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void sweepSurvivesAKilledExecutorWithEveryCellStoredOnce() throws Exception {
        List<SweepCell> cells = TestCells.cells(24, 250, 0);
        Provenance provenance = Provenance.capture(3, 1, List.of("test"));
        Map<String, String> local;
        try (RunStore store = RunStore.open(dir.resolve("local.db"))) {
            new EngineSweep(store, "test", provenance, new LocalEngine(1)).run(TestCells.recipe(3),
                    TestCells.cells(24, 0, 0), SweepListener.NONE);
            local = Rows.of(store, "test");
        }
        Set<Long> executorPids = new HashSet<>();
        try (LoopbackCluster cluster = LoopbackCluster.start(dir)) {
            cluster.startWorker(2);
            try (RunStore store = RunStore.open(dir.resolve("cluster.db"));
                 SweepEngine engine = SweepEngines.open("spark", cluster.engineOptions())) {
                EngineSweep sweep = new EngineSweep(store, "test", provenance, engine);
                boolean[] killed = {false};
                sweep.run(TestCells.recipe(3), cells, (done, total, key) -> {
                    cluster.executors().forEach(p -> executorPids.add(p.pid()));
                    if (done == 6 && !killed[0]) {
                        List<ProcessHandle> executors = cluster.executors();
                        assertFalse(executors.isEmpty(), "no executor process under the worker");
                        executors.forEach(ProcessHandle::destroyForcibly);
                        killed[0] = true;
                    }
                });
                assertTrue(killed[0]);
                cluster.executors().forEach(p -> executorPids.add(p.pid()));
                assertEquals(cells.size(), sweep.computed());
                assertEquals(0, sweep.duplicates());
                Map<String, String> onCluster = Rows.of(store, "test");
                assertEquals(local, onCluster);
            }
        }
        assertTrue(executorPids.size() >= 2, "expected a replacement executor, saw pids " + executorPids);
    }
}
