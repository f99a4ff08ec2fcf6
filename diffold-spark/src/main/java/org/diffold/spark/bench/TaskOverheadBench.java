package org.diffold.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.lab.engine.CellRecipe;
import org.diffold.lab.engine.CellSpec;
import org.diffold.lab.engine.EngineSweep;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.engine.SweepEngines;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepListener;

/**
 * Per-task overhead of the spark engine: a sweep of N cells that cost nothing, one task each, on the local engine
 * with 2 workers (the baseline, measured in the same run) and on Spark; prints milliseconds per cell and the ratio.
 * Arguments: {@code --master URL} (default {@code local[2]}), {@code --cells N} (default 400), {@code --repeats R}
 * (default 3). Run it with {@code DIFFOLD_MAIN=org.diffold.spark.bench.TaskOverheadBench ./diffold --engine spark
 * --master local[2]} so the launcher adds Spark's class path and flags.
 */
public final class TaskOverheadBench {

    private TaskOverheadBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws IOException if the temporary stores cannot be written
     */
    public static void main(String[] args) throws IOException {
        String master = "local[2]";
        int cells = 400;
        int repeats = 3;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--master" -> master = args[++i];
                case "--cells" -> cells = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                default -> { }
            }
        }
        List<SweepCell> sweep = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("i", i);
            sweep.add(SweepCell.of("noop/i=" + i, s));
        }
        Path dir = Files.createTempDirectory("diffold-overhead");
        try (SweepEngine local = SweepEngines.open("local", Map.of("workers", "2"));
             SweepEngine spark = SweepEngines.open("spark", Map.of("master", master))) {
            long t0 = System.nanoTime();
            time(dir, "warm-spark", spark, sweep.subList(0, Math.min(20, cells)));
            double startS = (System.nanoTime() - t0) / 1e9;
            time(dir, "warm-local", local, sweep);
            double bestLocal = Double.MAX_VALUE;
            double bestSpark = Double.MAX_VALUE;
            double storeLocal = Double.MAX_VALUE;
            double storeSpark = Double.MAX_VALUE;
            List<CellSpec> specs = new ArrayList<>();
            for (SweepCell c : sweep) specs.add(CellSpec.of(c, c.key()));
            for (int r = 0; r < repeats; r++) {
                bestLocal = Math.min(bestLocal, engineOnly(local, specs));
                bestSpark = Math.min(bestSpark, engineOnly(spark, specs));
                storeLocal = Math.min(storeLocal, time(dir, "local-" + r, local, sweep));
                storeSpark = Math.min(storeSpark, time(dir, "spark-" + r, spark, sweep));
            }
            double perLocal = 1e3 * bestLocal / cells;
            double perSpark = 1e3 * bestSpark / cells;
            System.out.printf(Locale.ROOT, "engine spark %s: %d no-op cells, one task each, best of %d%n", master,
                    cells, repeats);
            System.out.printf(Locale.ROOT, "first sweep of 20 cells (starts the Spark context): %.2f s%n", startS);
            System.out.printf(Locale.ROOT, "engine alone, local, 2 workers (baseline): %.3f ms per cell%n", perLocal);
            System.out.printf(Locale.ROOT, "engine alone, spark %s: %.3f ms per cell%n", master, perSpark);
            System.out.printf(Locale.ROOT, "per-task overhead of spark: %.3f ms; ratio spark/local %.1f%n",
                    perSpark - perLocal, perSpark / perLocal);
            System.out.printf(Locale.ROOT, "with the run store (one SQLite commit per cell): local %.3f ms, spark %.3f ms"
                    + " per cell%n", 1e3 * storeLocal / cells, 1e3 * storeSpark / cells);
        }
    }

    /** Seconds for the engine alone to compute the cells and hand them back (no store). */
    private static double engineOnly(SweepEngine engine, List<CellSpec> specs) {
        int[] n = {0};
        long t = System.nanoTime();
        engine.compute(CellRecipe.of(NoopCells.NAME, Map.of()), specs, r -> n[0]++);
        double s = (System.nanoTime() - t) / 1e9;
        if (n[0] != specs.size()) {
            throw new IllegalStateException("engine returned " + n[0] + " of " + specs.size() + " cells");
        }
        return s;
    }

    private static double time(Path dir, String name, SweepEngine engine, List<SweepCell> cells) {
        try (RunStore store = RunStore.open(dir.resolve(name + ".db"))) {
            EngineSweep s = new EngineSweep(store, "bench", Provenance.capture(0, 2, List.of(name)), engine);
            long t = System.nanoTime();
            s.run(CellRecipe.of(NoopCells.NAME, Map.of()), cells, SweepListener.NONE);
            return (System.nanoTime() - t) / 1e9;
        }
    }
}
