package org.diffold.core.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code key=value,key=value} tail of a {@code name:key=value,...} spec (targets, manifolds, grids, sigma grids,
 * closed-form scores): keys and values trimmed, in the order given, a repeated key keeping its last value.
 */
public final class KeyValues {
    private KeyValues() {}

    /**
     * Parses the parameters after a spec's colon.
     *
     * @param rest the text after the colon ("" or blank for none)
     * @param notKeyValue the error for an item without '=' (given the trimmed item), so each spec keeps its own message
     * @return the parameters in order
     */
    public static Map<String, String> parse(String rest, Function<String, IllegalArgumentException> notKeyValue) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rest.isBlank()) return out;
        for (String kv : rest.split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 0) throw notKeyValue.apply(kv.trim());
            out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return out;
    }
}
