package org.diffold.lab.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A resumable sweep: runs a computation over an ordered list of cells, skipping cells already in the {@link
 * RunStore} and storing each new cell the moment it is computed. An interrupted or killed sweep therefore resumes
 * where it stopped, and a finished sweep reruns instantly.
 *
 * <p>A stored cell whose settings differ from the current ones is an error (its key no longer describes its
 * settings), not a silent reuse. Returned results are always the JSON round-trip of what is stored, so a fresh
 * and a resumed sweep return equal values.
 *
 * @param <C> the cell type
 */
public final class Sweep<C extends SweepCell> {

    private final RunStore store;
    private final String experiment;
    private final Provenance provenance;

    /**
     * Creates a sweep.
     *
     * @param store where cells are looked up and stored; not closed by the sweep
     * @param experiment experiment name, the first half of every cell's primary key
     * @param provenance stamped on every cell this sweep computes
     */
    public Sweep(RunStore store, String experiment, Provenance provenance) {
        this.store = Objects.requireNonNull(store, "store");
        RunStore.checkName(experiment);
        this.experiment = experiment;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Runs the sweep.
     *
     * @param cells cells in report order; keys must be unique
     * @param computation computes the results of one missing cell
     * @param listener told after every cell, stored or computed
     * @return the results of every cell, in the order of {@code cells}
     * @throws IllegalArgumentException if keys repeat or a stored cell has other settings
     * @throws SweepException if the computation throws a checked exception (runtime exceptions pass through)
     */
    public List<Map<String, Object>> run(List<? extends C> cells, CellComputation<? super C> computation,
            SweepListener listener) {
        Objects.requireNonNull(computation, "computation");
        Objects.requireNonNull(listener, "listener");
        checkUniqueKeys(cells);
        List<Map<String, Object>> results = new ArrayList<>(cells.size());
        for (C cell : cells) {
            results.add(resultOf(cell, computation));
            listener.onCell(results.size(), cells.size(), cell.key());
        }
        return results;
    }

    /**
     * Counts the cells not yet in the store.
     *
     * @param cells the cells of the sweep
     * @return how many {@link #run} would compute
     */
    public int missing(List<? extends C> cells) {
        int n = 0;
        for (C cell : cells) {
            if (store.find(experiment, cell.key()).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private Map<String, Object> resultOf(C cell, CellComputation<? super C> computation) {
        Optional<Cell> stored = store.find(experiment, cell.key());
        if (stored.isPresent()) {
            return checkedSettings(cell, stored.get()).results();
        }
        Map<String, Object> computed = compute(cell, computation);
        store.putIfAbsent(experiment, cell.key(), cell.settings(), computed, provenance);
        // Read back: identical types either way, and the winner's values if another process stored it first.
        Cell written = store.find(experiment, cell.key()).orElseThrow(() -> new IllegalStateException(
                "cell " + experiment + "/" + cell.key() + " vanished from " + store.path() + " after storing"));
        return checkedSettings(cell, written).results();
    }

    private Map<String, Object> compute(C cell, CellComputation<? super C> computation) {
        Map<String, Object> out;
        try {
            out = computation.compute(cell);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SweepException("experiment " + experiment + ", cell " + cell.key() + ": " + e.getMessage(), e);
        }
        if (out == null) {
            throw new IllegalStateException("experiment " + experiment + ", cell " + cell.key()
                    + ": computation returned null results");
        }
        return out;
    }

    private Cell checkedSettings(C cell, Cell stored) {
        String now = Json.write(cell.settings());
        String then = Json.write(stored.settings());
        if (!now.equals(then)) {
            throw new IllegalArgumentException("cell " + experiment + "/" + cell.key() + " is stored with settings "
                    + then + " but now has " + now + "; put every setting in the key or use a new experiment name");
        }
        return stored;
    }

    private static void checkUniqueKeys(List<? extends SweepCell> cells) {
        Set<String> seen = new HashSet<>();
        for (SweepCell c : cells) {
            RunStore.checkKey(c.key());
            if (!seen.add(c.key())) {
                throw new IllegalArgumentException("cell key '" + c.key() + "' appears twice in the sweep");
            }
        }
    }
}
