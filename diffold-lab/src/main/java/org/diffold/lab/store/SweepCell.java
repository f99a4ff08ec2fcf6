package org.diffold.lab.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: a key that identifies it across runs, and the settings it is computed with. The key must
 * change whenever a setting that affects the result changes (for example {@code "d=8,n=1000,sigma=0.1"}).
 */
public interface SweepCell {

    /**
     * Returns the cell's stable key.
     *
     * @return a non-blank key, unique within the experiment
     */
    String key();

    /**
     * Returns the settings recorded with the cell.
     *
     * @return ordered, JSON-serializable settings
     */
    Map<String, Object> settings();

    /**
     * Creates a plain cell.
     *
     * @param key non-blank stable key
     * @param settings ordered settings, copied
     * @return the cell
     */
    static SweepCell of(String key, Map<String, Object> settings) {
        RunStore.checkKey(key);
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        return new SweepCell() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Map<String, Object> settings() {
                return copy;
            }

            @Override
            public String toString() {
                return "SweepCell[" + key + "]";
            }
        };
    }
}
