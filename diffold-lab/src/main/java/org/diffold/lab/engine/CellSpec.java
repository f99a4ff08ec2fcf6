package org.diffold.lab.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.SweepCell;

/**
 * One missing cell as it travels to a worker: its key, its settings as JSON and its group. Cells of one group
 * share expensive intermediate results (for example the 1-D propagation of one design and T across every D), so an
 * engine computes a group in one task with one {@link CellComputer} instance.
 *
 * @param key the cell's key in the run store
 * @param settingsJson {@link Json#write} of the cell's settings
 * @param group cells with equal groups are computed together; the key when the cell shares nothing
 */
public record CellSpec(String key, String settingsJson, String group) implements Serializable {

    /** Checks for nulls. */
    public CellSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(settingsJson, "settingsJson");
        Objects.requireNonNull(group, "group");
    }

    /**
     * Describes a cell.
     *
     * @param cell the cell
     * @param group its group
     * @return the spec
     */
    public static CellSpec of(SweepCell cell, String group) {
        return new CellSpec(cell.key(), Json.write(cell.settings()), group);
    }

    /**
     * Rebuilds the cell on the worker; settings read back as JSON types, the same on every engine.
     *
     * @return the cell
     */
    public SweepCell cell() {
        return SweepCell.of(key, Json.readMap(settingsJson));
    }

    /**
     * Splits cells into their groups, each group in the order of {@code specs}, groups in order of first appearance.
     *
     * @param specs the cells
     * @return the groups, none empty
     */
    public static List<List<CellSpec>> groups(List<CellSpec> specs) {
        Map<String, List<CellSpec>> byGroup = new LinkedHashMap<>();
        for (CellSpec s : specs) {
            byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(byGroup.values());
    }
}
