package org.diffold.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a numeric CSV file (gzip-compressed or not) into a matrix, one row per non-blank line. Fields are separated
 * by commas, or by semicolons, tabs or blanks when a line has no comma. A first line none of whose fields is a
 * number is taken as a header and skipped. Every row must have the same number of fields, and every field must parse
 * as a Java double ({@code NaN} and {@code Infinity} parse; callers reject them where finite data is needed).
 */
public final class CsvReader {
    private CsvReader() {}

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException for a missing file, a ragged row or a non-numeric field, naming file and line
     */
    public static DataMatrix read(Path path) throws IOException {
        return parse(FileBytes.read(path, null), path.toString(), path.getFileName().toString());
    }

    /**
     * Parses the bytes of a CSV file (already gunzipped) as UTF-8.
     *
     * @param where the file's name in error messages
     * @param source the matrix's source description
     * @throws IllegalArgumentException for a ragged row or a non-numeric field, naming file and line
     */
    public static DataMatrix parse(byte[] bytes, String where, String source) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n", -1);
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty()) continue;
            String[] fields = line.contains(",") ? line.split(",", -1) : line.split("[;\\t ]+", -1);
            if (rows.isEmpty() && cols < 0 && noneNumeric(fields)) {
                cols = fields.length; // header line
                continue;
            }
            if (cols >= 0 && fields.length != cols) {
                throw new IllegalArgumentException(where + " line " + (ln + 1) + " has " + fields.length + " fields, expected " + cols);
            }
            cols = fields.length;
            double[] row = new double[cols];
            for (int j = 0; j < cols; j++) {
                String f = fields[j].strip();
                try {
                    row[j] = Double.parseDouble(f);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " line " + (ln + 1) + ", field " + (j + 1) + ": '" + Printable.of(f, 40)
                            + "' is not a number" + (binary(bytes) ? " (binary data? expected a numeric text CSV)" : ""));
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("no data rows in " + where);
        if ((long) rows.size() * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(where + " holds " + rows.size() + " x " + cols + " values, too many for one array");
        }
        double[] v = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, v, i * cols, cols);
        return new DataMatrix(v, rows.size(), cols, source);
    }

    /** True if the first KiB has a NUL or other control byte that text files do not contain. */
    private static boolean binary(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 1024); i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return true;
        }
        return false;
    }

    private static boolean noneNumeric(String[] fields) {
        for (String f : fields) if (numeric(f.strip())) return false;
        return true;
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
