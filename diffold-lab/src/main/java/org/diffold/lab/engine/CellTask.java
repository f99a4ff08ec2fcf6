package org.diffold.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.CellComputation;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepException;

/**
 * The one code path that computes cells, whichever engine runs it and wherever: rebuild the computation from the
 * recipe, rebuild each cell from its spec, compute, serialise the results.
 */
public final class CellTask {

    private CellTask() {
    }

    /**
     * Computes one group of cells in order with one computation built from the recipe.
     *
     * @param recipe how cells are computed
     * @param group cells of one group
     * @return one result per cell, in the order of {@code group}
     * @throws SweepException if a computation throws a checked exception (runtime exceptions pass through)
     * @throws IllegalStateException if a computation returns null
     */
    public static List<CellResult> computeGroup(CellRecipe recipe, List<CellSpec> group) {
        CellComputation<SweepCell> computation = CellComputers.find(recipe.computer()).create(recipe.params());
        List<CellResult> out = new ArrayList<>(group.size());
        for (CellSpec spec : group) {
            out.add(new CellResult(spec.key(), Json.write(compute(recipe, computation, spec))));
        }
        return out;
    }

    private static Map<String, Object> compute(CellRecipe recipe, CellComputation<SweepCell> computation,
            CellSpec spec) {
        Map<String, Object> results;
        try {
            results = computation.compute(spec.cell());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SweepException(recipe.computer() + ", cell " + spec.key() + ": " + e.getMessage(), e);
        }
        if (results == null) {
            throw new IllegalStateException(recipe.computer() + ", cell " + spec.key() + ": computation returned null");
        }
        return results;
    }
}
