package org.diffold.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.diffold.lab.engine.CellComputer;
import org.diffold.lab.engine.CellRecipe;
import org.diffold.lab.store.CellComputation;
import org.diffold.lab.store.SweepCell;

/**
 * A test computer: cell i's result is the mean of n uniforms from SplittableRandom(seed + i), after sleeping
 * {@code sleep_ms}; a cell with {@code fail_first} throws in a Spark task's first attempt (never outside Spark).
 */
public final class TestCells implements CellComputer {
    static final String NAME = "spark-test";

    static CellRecipe recipe(long seed) {
        return CellRecipe.of(NAME, Map.of("seed", seed));
    }

    static List<SweepCell> cells(int count, int sleepMs, int failEvery) {
        List<SweepCell> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("i", i);
            s.put("n", 1000 + i);
            s.put("sleep_ms", sleepMs);
            s.put("fail_first", failEvery > 0 && i % failEvery == 0);
            cells.add(SweepCell.of("cell/i=" + i, s));
        }
        return cells;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CellComputation<SweepCell> create(Map<String, Object> params) {
        long seed = ((Number) params.get("seed")).longValue();
        return cell -> {
            Map<String, Object> s = cell.settings();
            TaskContext task = TaskContext.get();
            if (Boolean.TRUE.equals(s.get("fail_first")) && task != null && task.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of " + cell.key() + " in attempt 0");
            }
            Thread.sleep(((Number) s.get("sleep_ms")).longValue());
            int i = ((Number) s.get("i")).intValue();
            int n = ((Number) s.get("n")).intValue();
            SplittableRandom r = new SplittableRandom(seed + i);
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += r.nextDouble();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mean", sum / n);
            out.put("i", i);
            return out;
        };
    }
}
