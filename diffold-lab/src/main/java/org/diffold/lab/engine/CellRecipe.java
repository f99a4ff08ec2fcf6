package org.diffold.lab.engine;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.diffold.lab.store.Json;

/**
 * How a sweep's cells are computed, as data: the name of a {@link CellComputer} and the parameters it is built
 * from (the experiment's settings, master seed, threads), as JSON. A worker rebuilds the computation from this
 * alone, so a cell's result cannot depend on state of the process that started the sweep.
 *
 * @param computer name of the {@link CellComputer}
 * @param paramsJson its parameters, one JSON object
 */
public record CellRecipe(String computer, String paramsJson) implements Serializable {

    /** Checks for nulls. */
    public CellRecipe {
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(paramsJson, "paramsJson");
    }

    /**
     * Creates a recipe.
     *
     * @param computer name of the {@link CellComputer}
     * @param params JSON-serialisable parameters
     * @return the recipe
     */
    public static CellRecipe of(String computer, Map<String, Object> params) {
        return new CellRecipe(computer, Json.write(params));
    }

    /**
     * Parses the parameters.
     *
     * @return a fresh mutable map
     */
    public Map<String, Object> params() {
        return Json.readMap(paramsJson);
    }
}
