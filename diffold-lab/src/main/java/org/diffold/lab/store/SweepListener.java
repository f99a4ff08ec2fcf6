package org.diffold.lab.store;

/** Receives sweep progress; called once per cell, whether it was computed or found in the store. */
@FunctionalInterface
public interface SweepListener {

    /** A listener that ignores progress. */
    SweepListener NONE = (done, total, cellKey) -> {
    };

    /**
     * Reports that one more cell is available.
     *
     * @param done cells finished so far, {@code 1..total}
     * @param total cells in the sweep
     * @param cellKey key of the cell just finished
     */
    void onCell(int done, int total, String cellKey);
}
