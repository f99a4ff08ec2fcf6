package org.diffold.spark.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.lab.engine.CellComputer;
import org.diffold.lab.store.CellComputation;
import org.diffold.lab.store.SweepCell;

/** A computer whose cells cost nothing (result: the cell's index), so a sweep of them times the engine alone. */
public final class NoopCells implements CellComputer {
    /** Computer name. */
    public static final String NAME = "bench-noop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CellComputation<SweepCell> create(Map<String, Object> params) {
        return cell -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("i", cell.settings().get("i"));
            return out;
        };
    }
}
