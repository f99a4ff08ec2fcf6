package org.diffold.lab.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diffold.lab.report.Csv;
import org.diffold.lab.store.Cell;
import org.diffold.lab.store.Json;

/**
 * Stored cells as a flat table, for {@code diffold runs export}: one row per cell with the columns
 * {@code experiment, cell_key, run_id, created_at}, then every setting and every result (in the order they first
 * appear; a result whose name is also a setting is prefixed {@code result.}). Lists and maps are written as JSON.
 */
public final class CellExport {

    /** The fixed leading columns. */
    public static final List<String> FIXED = List.of("experiment", "cell_key", "run_id", "created_at");

    private CellExport() {
    }

    /**
     * Flattens cells into ordered rows, every row with every column (missing values are null).
     *
     * @param cells the cells
     * @return one ordered map per cell
     */
    public static List<Map<String, Object>> rows(List<Cell> cells) {
        Set<String> settings = new LinkedHashSet<>();
        Set<String> results = new LinkedHashSet<>();
        for (Cell c : cells) {
            settings.addAll(c.settings().keySet());
            results.addAll(c.results().keySet());
        }
        List<Map<String, Object>> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("experiment", c.experiment());
            row.put("cell_key", c.key());
            row.put("run_id", c.runId());
            row.put("created_at", c.createdAt());
            for (String s : settings) {
                row.put(FIXED.contains(s) ? "setting." + s : s, c.settings().get(s));
            }
            for (String r : results) {
                String col = settings.contains(r) || FIXED.contains(r) ? "result." + r : r;
                row.put(col, c.results().get(r));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * Writes the rows of {@link #rows} as RFC 4180 CSV with a header line; numbers in full precision, null as an
     * empty field, lists and maps as JSON text.
     *
     * @param cells the cells
     * @return the CSV text, ending with a newline
     */
    public static String csv(List<Cell> cells) {
        List<Map<String, Object>> rows = rows(cells);
        List<String> header = rows.isEmpty() ? FIXED : new ArrayList<>(rows.get(0).keySet());
        List<List<String>> text = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            List<String> fields = new ArrayList<>(row.size());
            for (Object v : row.values()) {
                fields.add(v == null ? null : v instanceof List<?> || v instanceof Map<?, ?> ? Json.write(v) : String.valueOf(v));
            }
            text.add(fields);
        }
        return Csv.format(header, text);
    }
}
