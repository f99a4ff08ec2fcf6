package org.diffold.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An aligned plain-text table for the terminal: a header, a dashed rule, then rows; columns separated by two
 * spaces, numbers right-aligned and other text left-aligned.
 *
 * <pre>
 * steps  method  error
 * -----  ------  -------
 *    10  euler   1.0E-1
 * </pre>
 */
public final class TextTable {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?|[-+]?(NaN|Infinity)");
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Starts a table.
     *
     * @param header column names, at least one
     */
    public TextTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    /**
     * Adds a row; cells are converted with {@link String#valueOf(Object)}.
     *
     * @param cells exactly one value per column
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells but the table has "
                    + header.size() + " columns " + header);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    /**
     * Renders a table in one call.
     *
     * @param header column names
     * @param rows rows of cells, one per column
     * @return the rendered text, each line ending in {@code '\n'}
     */
    public static String render(List<String> header, List<List<String>> rows) {
        TextTable t = new TextTable(header);
        for (List<String> r : rows) {
            t.row(r.toArray());
        }
        return t.render();
    }

    /**
     * Renders the table.
     *
     * @return the rendered text, each line ending in {@code '\n'}
     */
    public String render() {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width, false);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, width, false);
        for (List<String> r : rows) {
            line(sb, r, width, true);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            boolean right = alignNumbers && NUMBER.matcher(cell.trim()).matches();
            line.append(right ? pad + cell : cell + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
