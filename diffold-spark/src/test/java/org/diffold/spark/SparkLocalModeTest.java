package org.diffold.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.diffold.lab.engine.CellRecipe;
import org.diffold.lab.engine.EngineSweep;
import org.diffold.lab.engine.LiYanCells;
import org.diffold.lab.engine.LocalEngine;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.engine.SweepEngines;
import org.diffold.lab.experiment.liyan.LiYanConfig;
import org.diffold.lab.experiment.liyan.LiYanExperiment;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepException;
import org.diffold.lab.store.SweepListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark engine in local mode with task retries ({@code local[2,2]}): one Spark context for the class. */
class SparkLocalModeTest {
    static final LiYanConfig SMALL = new LiYanConfig(4, List.of(6, 30), List.of(20, 40), List.of("li-yan", "classic"),
            2, 4, List.of(8), List.of(20), 200);
    static final long SEED = 11;
    static final Provenance PROVENANCE = Provenance.capture(SEED, 1, List.of("test"));
    static JavaSparkContext spark;
    static final AtomicInteger failedTasks = new AtomicInteger();
    @TempDir Path dir;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(SparkEngineProvider.conf(Map.of("master", "local[2,2]",
                "spark.app.name", "diffold-test")));
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) failedTasks.incrementAndGet();
            }
        });
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private Map<String, String> sweep(String db, String experiment, CellRecipe recipe, List<SweepCell> cells,
            SweepEngine engine) {
        try (RunStore store = RunStore.open(dir.resolve(db))) {
            EngineSweep sweep = new EngineSweep(store, experiment, PROVENANCE, engine);
            assertEquals(cells.size(), sweep.run(recipe, cells, SweepListener.NONE).size());
            assertEquals(cells.size(), sweep.computed());
            return Rows.of(store, experiment);
        }
    }

    @Test
    void liYanCellsOnSparkAreBitIdenticalToTheLocalEngine() {
        List<SweepCell> cells = new LiYanExperiment(SMALL, SEED, 1).cells();
        CellRecipe recipe = LiYanCells.recipe(SMALL, SEED, 1);
        Map<String, String> local = sweep("local.db", LiYanExperiment.NAME, recipe, cells, new LocalEngine(1));
        Map<String, String> onSpark = sweep("spark.db", LiYanExperiment.NAME, recipe, cells, new SparkEngine(spark));
        assertEquals(cells.size(), local.size());
        assertEquals(local, onSpark);
    }

    @Test
    void failedTasksAreRetriedAndEveryCellIsStoredOnce() {
        List<SweepCell> cells = TestCells.cells(12, 0, 3);   // cells 0, 3, 6, 9 fail in their first attempt
        int before = failedTasks.get();
        Map<String, String> local = sweep("local.db", "test", TestCells.recipe(5), cells, new LocalEngine(1));
        Map<String, String> onSpark = sweep("spark.db", "test", TestCells.recipe(5), cells, new SparkEngine(spark));
        assertEquals(local, onSpark);
        assertTrue(failedTasks.get() - before >= 4, "failed task attempts: " + (failedTasks.get() - before));
    }

    @Test
    void interruptedSparkSweepResumesWithTheMissingCellsOnly() {
        List<SweepCell> cells = TestCells.cells(16, 20, 0);
        Map<String, String> local = sweep("local.db", "test", TestCells.recipe(9), cells, new LocalEngine(1));
        Path db = dir.resolve("resume.db");
        try (RunStore store = RunStore.open(db)) {
            EngineSweep sweep = new EngineSweep(store, "test", PROVENANCE, new SparkEngine(spark));
            RuntimeException e = assertThrows(RuntimeException.class, () -> sweep.run(TestCells.recipe(9), cells,
                    (done, total, key) -> {
                        if (done == 5) throw new IllegalStateException("driver interrupted");
                    }));
            assertEquals("driver interrupted", e.getMessage());
            assertEquals(5, store.cells("test").size());
        }
        try (RunStore store = RunStore.open(db)) {
            EngineSweep sweep = new EngineSweep(store, "test", PROVENANCE, new SparkEngine(spark));
            sweep.run(TestCells.recipe(9), cells, SweepListener.NONE);
            assertEquals(cells.size() - 5, sweep.computed());
            assertEquals(local, Rows.of(store, "test"));
        }
    }

    @Test
    void aCellThatFailsInEveryAttemptFailsTheSweepNamingIt() {
        try (RunStore store = RunStore.open(dir.resolve("fail.db"))) {
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, PROVENANCE, new SparkEngine(spark));
            // an unknown design is refused inside the task, on every attempt
            List<SweepCell> cells = List.of(SweepCell.of("bad", Map.of("kind", "exact", "target", "gaussian-subspace",
                    "design", "no-such-design", "T", 20, "D", 6)));
            SweepException e = assertThrows(SweepException.class,
                    () -> sweep.run(LiYanCells.recipe(SMALL, SEED, 1), cells, SweepListener.NONE));
            assertTrue(e.getMessage().contains("no-such-design"), e.getMessage());
            assertEquals(0, store.cells(LiYanExperiment.NAME).size());
        }
    }

    @Test
    void theEngineIsFoundByNameAndRefusesBadOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepEngines.open("spark", Map.of("master", "nowhere")));
        assertTrue(e.getMessage().contains("'nowhere'") && e.getMessage().contains("spark://"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SweepEngines.open("spark", Map.of("master", "local[2]", "workers", "2")));
        assertTrue(e.getMessage().contains("'workers'"), e.getMessage());
        assertTrue(SweepEngines.names().contains("spark"), SweepEngines.names().toString());
        SparkConf conf = SparkEngineProvider.conf(Map.of("master", "local[2]"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertTrue(conf.get("spark.executor.extraJavaOptions").contains("jdk.incubator.vector"));
    }
}
