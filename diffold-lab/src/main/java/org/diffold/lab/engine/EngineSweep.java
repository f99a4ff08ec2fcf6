package org.diffold.lab.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepListener;

/**
 * A resumable {@link Sweep} whose missing cells are computed by a {@link SweepEngine}: this process is the run
 * store's one writer and stores each result the moment the engine hands it back, so an interrupted sweep resumes
 * like a local one. A result for a cell already stored (a retried task, another process) keeps the stored row.
 */
public final class EngineSweep {

    private final RunStore store;
    private final String experiment;
    private final Provenance provenance;
    private final SweepEngine engine;
    private int computed;
    private int duplicates;

    /**
     * Creates the sweep.
     *
     * @param store where cells are looked up and stored; not closed
     * @param experiment experiment name, the first half of every cell's key
     * @param provenance stamped on every cell this sweep stores
     * @param engine computes the missing cells; not closed
     */
    public EngineSweep(RunStore store, String experiment, Provenance provenance, SweepEngine engine) {
        this.store = Objects.requireNonNull(store, "store");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Runs the sweep.
     *
     * @param recipe how the engine computes a cell; its computer also groups the cells
     * @param cells cells in report order; keys must be unique
     * @param listener told after every cell, stored before or computed now
     * @return the results of every cell in the order of {@code cells}, read back from the store
     * @throws IllegalArgumentException if keys repeat or a stored cell has other settings
     */
    public List<Map<String, Object>> run(CellRecipe recipe, List<? extends SweepCell> cells, SweepListener listener) {
        Sweep<SweepCell> sweep = new Sweep<>(store, experiment, provenance);
        Set<String> keys = new HashSet<>();
        List<SweepCell> stored = new ArrayList<>();
        Map<String, SweepCell> missing = new LinkedHashMap<>();
        for (SweepCell c : cells) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("cell key '" + c.key() + "' appears twice in the sweep");
            }
            if (store.find(experiment, c.key()).isPresent()) {
                stored.add(c);
            } else {
                missing.put(c.key(), c);
            }
        }
        // Checks the stored cells' settings before any work; nothing is computed here.
        sweep.run(stored, c -> {
            throw new IllegalStateException("cell " + c.key() + " was stored a moment ago but is gone");
        }, SweepListener.NONE);
        int[] done = {0};
        for (SweepCell c : stored) {
            listener.onCell(++done[0], cells.size(), c.key());
        }
        if (!missing.isEmpty()) {
            CellComputer computer = CellComputers.find(recipe.computer());
            List<CellSpec> specs = new ArrayList<>(missing.size());
            for (SweepCell c : missing.values()) {
                specs.add(CellSpec.of(c, computer.group(c)));
            }
            engine.compute(recipe, specs, result -> {
                SweepCell c = missing.remove(result.key());
                if (c == null) {
                    duplicates++;   // a second copy of a cell stored in this call: never stored twice
                    return;
                }
                if (store.putIfAbsent(experiment, c.key(), c.settings(), Json.readMap(result.resultsJson()),
                        provenance)) {
                    computed++;
                } else {
                    duplicates++;   // another process stored it first; its row is kept
                }
                listener.onCell(++done[0], cells.size(), c.key());
            });
            if (!missing.isEmpty()) {
                throw new IllegalStateException("engine " + engine.describe() + " returned without computing "
                        + missing.size() + " cells, for example " + missing.keySet().iterator().next());
            }
        }
        return sweep.run(cells, c -> {
            throw new IllegalStateException("cell " + c.key() + " is missing after the engine finished");
        }, SweepListener.NONE);
    }

    /**
     * Returns how many cells the last runs stored.
     *
     * @return cells computed and stored by this sweep object
     */
    public int computed() {
        return computed;
    }

    /**
     * Returns how many results arrived for cells that were already stored; they were dropped.
     *
     * @return dropped duplicate results
     */
    public int duplicates() {
        return duplicates;
    }
}
