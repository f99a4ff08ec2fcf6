package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir Path dir;

    @Test
    void readsWithHeaderAndWhitespaceSeparatedFiles() throws IOException {
        DataMatrix m = CsvReader.read(Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n\n3.5,-4e-1\n"));
        assertEquals(2, m.rows());
        assertArrayEquals(new double[] {1, 2, 3.5, -0.4}, m.values());
        DataMatrix w = CsvReader.read(Files.writeString(dir.resolve("b.txt"), "1 2 3\n4\t5 6\n"));
        assertEquals(3, w.cols());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, w.values());
    }

    @Test
    void rejectsRaggedRowsAndNonNumbersNamingTheLine() throws IOException {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(Files.writeString(dir.resolve("r.csv"), "1,2\n3\n"))).getMessage();
        assertTrue(msg.contains("line 2"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(Files.writeString(dir.resolve("n.csv"), "1,2\n3,abc\n"))).getMessage();
        assertTrue(msg.contains("line 2, field 2"), msg);
        // a first line with one bad field is data, not a header
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read(Files.writeString(dir.resolve("h.csv"), "1,x\n3,4\n")));
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read(Files.writeString(dir.resolve("e.csv"), "a,b\n")));
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read(dir.resolve("missing.csv")));
    }

    @Test
    void scalingMapsToTheStatedRanges() {
        DataMatrix m = new DataMatrix(new double[] {0, 255, 51, 102}, 2, 2, "t");
        assertArrayEquals(new double[] {0, 1, 0.2, 0.4}, Scaling.UNIT.apply(m).values(), 1e-15);
        assertArrayEquals(new double[] {-1, 1, -0.6, -0.2}, Scaling.SYMMETRIC.apply(m).values(), 1e-15);
        // column 0 is {0, 51}: mean 25.5, sd 25.5 -> {-1, 1}
        double[] z = Scaling.STANDARDIZE.apply(m).values();
        assertEquals(-1, z[0], 1e-15);
        assertEquals(1, z[2], 1e-15);
        assertEquals(Scaling.SYMMETRIC, Scaling.parse("symmetric"));
        assertThrows(IllegalArgumentException.class, () -> Scaling.parse("log"));
        assertEquals(1, m.head(1).rows());
    }
}
