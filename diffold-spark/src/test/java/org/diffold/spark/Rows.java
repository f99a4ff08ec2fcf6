package org.diffold.spark;

import java.util.Map;
import java.util.TreeMap;
import org.diffold.lab.store.Cell;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.RunStore;

/** A store's rows of one experiment as JSON text per key: what the bit-identity checks compare. */
final class Rows {
    private Rows() {
    }

    static Map<String, String> of(RunStore store, String experiment) {
        Map<String, String> out = new TreeMap<>();
        for (Cell c : store.cells(experiment)) {
            if (out.put(c.key(), Json.write(c.results())) != null) {
                throw new AssertionError("cell " + c.key() + " stored twice");
            }
        }
        return out;
    }
}
