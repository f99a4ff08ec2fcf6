package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMatrixWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesHeaderAndRowsWithRoundTrippingValues() throws IOException {
        double[] data = {1, 0.1, -3e-20, Double.NaN};
        Path f = CsvMatrixWriter.write(dir.resolve("m.csv"), data, 2, 2, List.of("x", "y"));
        List<String> lines = Files.readAllLines(f);
        assertEquals(List.of("x,y", "1.0,0.1", "-3.0E-20,NaN"), lines);
        assertEquals(-3e-20, Double.parseDouble(lines.get(2).split(",")[0]));
    }

    @Test
    void headerIsOptional() throws IOException {
        Path f = CsvMatrixWriter.write(dir.resolve("v.csv"), new double[] {2, 3}, 2, 1, List.of());
        assertEquals(List.of("2.0", "3.0"), Files.readAllLines(f));
    }

    @Test
    void rejectsWrongHeaderSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvMatrixWriter.write(dir.resolve("m.csv"), new double[4], 2, 2, List.of("a")));
        assertEquals("header has 1 names but cols = 2; pass no names or exactly cols names", e.getMessage());
    }
}
