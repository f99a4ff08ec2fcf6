package org.diffold.lab.engine;

import java.util.Map;
import org.diffold.lab.store.CellComputation;
import org.diffold.lab.store.SweepCell;

/**
 * Builds the computation of an experiment's cells from a {@link CellRecipe}'s parameters; registered under
 * {@code META-INF/services/org.diffold.lab.engine.CellComputer} so that any worker finds it by name.
 */
public interface CellComputer {

    /**
     * Returns the name recipes refer to.
     *
     * @return the computer's name, usually the experiment's run-store name
     */
    String name();

    /**
     * Builds a computation; an engine builds one per group of cells and uses it from one thread.
     *
     * @param params the recipe's parameters
     * @return the computation of one cell
     */
    CellComputation<SweepCell> create(Map<String, Object> params);

    /**
     * Returns the group of a cell: cells of one group are computed by one computation, one after another.
     *
     * @param cell the cell
     * @return its group; by default its key (a group of one)
     */
    default String group(SweepCell cell) {
        return cell.key();
    }
}
