package org.diffold.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a data file by its name: {@code .npy} by {@link NpyReader}, {@code .csv/.tsv/.txt} (optionally .gz) by {@link CsvReader}, anything else as IDX. */
public final class DataFiles {
    private DataFiles() {}

    /** The matrix in the file (format chosen from the file name). */
    public static DataMatrix read(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.endsWith(".npy")) return NpyReader.read(path);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return CsvReader.read(path);
        return IdxReader.read(path);
    }
}
