package org.diffold.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a data file by its name: {@code .npy} by {@link NpyReader}, {@code .csv/.tsv/.txt} (optionally .gz) by
 * {@link CsvReader}, anything else as IDX. A file without a single value (0 rows or 0 columns) is refused, naming it.
 */
public final class DataFiles {
    private DataFiles() {}

    /** The matrix in the file (format chosen from the file name). */
    public static DataMatrix read(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        DataMatrix m;
        if (name.endsWith(".npy")) m = NpyReader.read(path);
        else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) m = CsvReader.read(path);
        else m = IdxReader.read(path);
        return requireValues(m, path.toString());
    }

    /**
     * Parses file content by the file's name, as {@link #read} does (gzip recognised by its magic bytes).
     *
     * @param bytes the raw file content
     * @param name the file name, which picks the format and names the file in errors
     * @return the matrix, with at least one row and one column
     * @throws IllegalArgumentException for corrupt or empty content, naming {@code name}
     */
    public static DataMatrix parse(byte[] bytes, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) lower = lower.substring(0, lower.length() - 3);
        byte[] b = FileBytes.gunzipIfNeeded(bytes, name);
        DataMatrix m;
        if (lower.endsWith(".npy")) m = NpyReader.parse(b, name, name);
        else if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) m = CsvReader.parse(b, name, name);
        else m = IdxReader.parse(b, name, name, Integer.MAX_VALUE);
        return requireValues(m, name);
    }

    /**
     * Refuses a matrix with no rows or no columns.
     *
     * @param where the file's name in the message
     * @return {@code m}
     */
    public static DataMatrix requireValues(DataMatrix m, String where) {
        if (m.rows() == 0 || m.cols() == 0) {
            throw new IllegalArgumentException(where + " holds no data: shape " + m.rows() + " x " + m.cols()
                    + " (need at least 1 row and 1 column)");
        }
        return m;
    }
}
