package org.diffold.lab.store;

import java.util.Map;

/**
 * Computes the results of one sweep cell.
 *
 * @param <C> the cell type
 */
@FunctionalInterface
public interface CellComputation<C> {

    /**
     * Computes one cell.
     *
     * @param cell the cell to compute
     * @return ordered, JSON-serializable results (numbers, strings, booleans, lists, maps)
     * @throws Exception on failure, which stops the sweep; cells already stored stay stored
     */
    Map<String, Object> compute(C cell) throws Exception;
}
