package org.diffold.core.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a flat row-major double matrix as CSV: an optional header line, then one line per row, values separated
 * by commas, lines ended by {@code '\n'}. Values use {@link Double#toString(double)}, the shortest decimal that
 * reads back to the same double ({@code NaN}, {@code Infinity} and {@code -Infinity} for non-finite values).
 * Files are written atomically ({@link AtomicWrite}).
 */
public final class CsvMatrixWriter {

    private CsvMatrixWriter() {
    }

    /**
     * Writes a matrix of shape {@code (rows, cols)}.
     *
     * @param target file to create or replace
     * @param data flat row-major values, length {@code rows * cols}; not modified
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 1}
     * @param header column names, either empty (no header line) or exactly {@code cols} names; names must not
     *     contain commas, quotes or line breaks
     * @return {@code target}
     * @throws IllegalArgumentException if the shape or header does not match
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path target, double[] data, int rows, int cols, List<String> header)
            throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(header, "header");
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be >= 1, got " + cols);
        }
        NpyWriter.checkShape(data.length, rows, cols);
        checkHeader(header, cols);
        return AtomicWrite.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (!header.isEmpty()) {
                w.write(String.join(",", header));
                w.write('\n');
            }
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(data[r * cols + c]);
                }
                w.append(line).append('\n');
            }
            w.flush();
        });
    }

    private static void checkHeader(List<String> header, int cols) {
        if (!header.isEmpty() && header.size() != cols) {
            throw new IllegalArgumentException("header has " + header.size() + " names but cols = " + cols
                    + "; pass no names or exactly cols names");
        }
        for (String name : header) {
            if (name == null || name.isEmpty() || name.matches(".*[,\"\\r\\n].*")) {
                throw new IllegalArgumentException("header name '" + name
                        + "' must be non-empty and free of commas, quotes and line breaks");
            }
        }
    }
}
