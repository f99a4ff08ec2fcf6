package org.diffold.lab.report;

import java.util.List;

/** RFC 4180 CSV text for string tables: fields with commas, quotes or line breaks are quoted, quotes doubled. */
public final class Csv {

    private Csv() {
    }

    /**
     * Formats a table as CSV, one {@code '\n'}-terminated line per row after the header line.
     *
     * @param header column names
     * @param rows rows, each with exactly {@code header.size()} cells
     * @return the CSV text
     * @throws IllegalArgumentException if a row has the wrong number of cells
     */
    public static String format(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " cells but the header has "
                        + header.size());
            }
            line(sb, row);
        }
        return sb.toString();
    }

    /**
     * Quotes one field if needed.
     *
     * @param field the raw text; null is written as an empty field
     * @return the field as it appears in CSV
     */
    public static String field(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(cells.get(i)));
        }
        sb.append('\n');
    }
}
