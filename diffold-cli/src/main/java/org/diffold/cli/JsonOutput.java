package org.diffold.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Json;

/**
 * The one way commands print {@code --json}: a single JSON document whose keys are snake_case (see
 * {@code docs/json.md}). Keys written in lowerCamelCase anywhere below (records, provenance, library maps) are
 * converted, so one style holds for every command; other keys are kept as written. Non-finite numbers (NaN,
 * infinities: "not defined here") are written as {@code null}, so strict parsers such as {@code jq} read the output.
 */
final class JsonOutput {

    private JsonOutput() {
    }

    /**
     * Prints one indented JSON document with snake_case keys.
     *
     * @param out where to print
     * @param value a map, list, record or scalar
     */
    static void print(PrintWriter out, Object value) {
        out.print(Json.writePretty(snakeKeys(value)));
        out.flush();
    }

    /**
     * Converts the keys of every map below {@code value} to snake_case; records become maps first.
     *
     * @param value the value
     * @return an equal structure with converted keys (maps keep their order)
     */
    @SuppressWarnings("unchecked")
    static <T> T snakeKeys(T value) {
        return (T) convert(value);
    }

    private static Object convert(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(snakeCase(String.valueOf(k)), convert(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(convert(v)));
            return out;
        }
        if (value instanceof Double x && !Double.isFinite(x) || value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double x : a) out.add(convert(x));
            return out;
        }
        if (value != null && value.getClass().isRecord()) {
            return convert(Json.mapper().convertValue(value, Map.class));
        }
        return value;
    }

    /**
     * Converts a lowerCamelCase key to snake_case ({@code epsScore2StdErr} to {@code eps_score2_std_err}); keys
     * that do not start with a lower-case letter (symbols such as {@code D}) or hold no upper-case letter are
     * returned unchanged.
     *
     * @param key the key
     * @return the snake_case key
     */
    static String snakeCase(String key) {
        if (key.isEmpty() || !Character.isLowerCase(key.charAt(0)) || key.chars().noneMatch(Character::isUpperCase)) {
            return key;
        }
        StringBuilder s = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                char prev = key.charAt(i - 1);
                if (prev != '_' && prev != '-') {
                    s.append('_');
                }
                s.append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
