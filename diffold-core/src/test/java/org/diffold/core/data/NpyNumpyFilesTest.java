package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by NumPy's own {@code np.save} (committed fixtures under {@code numpy/}): Fortran order of any rank
 * reads as C order, and dtypes NumPy writes but we do not read are named as unsupported; plus hand-made headers whose
 * element count overflows.
 */
class NpyNumpyFilesTest {
    @TempDir Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpyNumpyFilesTest.class.getResource("numpy/" + name).toURI());
    }

    /** np.asfortranarray(np.arange(n).reshape(shape)): in C order row r, column c holds r * cols + c. */
    private static void assertArange(DataMatrix m, int rows, int cols) {
        assertEquals(rows, m.rows());
        assertEquals(cols, m.cols());
        for (int i = 0; i < rows * cols; i++) assertEquals(i, m.values()[i], 0.0, "element " + i);
    }

    @Test
    void fortranOrderOfRankThreeAndFourReadsAsCOrder() throws Exception {
        assertArange(NpyReader.read(fixture("fortran_30x2x3_f8.npy")), 30, 6);
        assertArange(NpyReader.read(fixture("fortran_4x3x2x2_i4.npy")), 4, 12);
        assertArange(NpyReader.read(fixture("fortran_5x4_be_f4.npy")), 5, 4);
    }

    @Test
    void fortranReorderMatchesTheIndexFormula() {
        long[] shape = {3, 2, 4, 2};
        int n = 48;
        double[] raw = new double[n];
        // Fortran offset of (i0, i1, i2, i3) = i0 + 3 (i1 + 2 (i2 + 4 i3)); store its C index there
        for (int i0 = 0; i0 < 3; i0++) for (int i1 = 0; i1 < 2; i1++) for (int i2 = 0; i2 < 4; i2++) for (int i3 = 0; i3 < 2; i3++) {
            raw[i0 + 3 * (i1 + 2 * (i2 + 4 * i3))] = ((i0 * 2 + i1) * 4 + i2) * 2 + i3;
        }
        double[] v = NpyReader.fromFortran(raw, shape);
        for (int i = 0; i < n; i++) assertEquals(i, v[i], 0.0);
    }

    @Test
    void numpyDtypesWeDoNotReadAreNamedUnsupported() throws Exception {
        for (String f : new String[] {"unicode_U1.npy", "object_O.npy"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyReader.read(fixture(f)));
            assertTrue(e.getMessage().startsWith("unsupported .npy dtype"), e.getMessage());
            assertTrue(e.getMessage().contains(f) && e.getMessage().contains("supported: float64"), e.getMessage());
        }
    }

    @Test
    void emptyArrayIsRefusedByDataFilesNamingTheFile() throws Exception {
        assertEquals(0, NpyReader.read(fixture("empty_0x3.npy")).rows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFiles.read(fixture("empty_0x3.npy")));
        assertTrue(e.getMessage().contains("empty_0x3.npy holds no data: shape 0 x 3"), e.getMessage());
    }

    @Test
    void hugeDescrWidthIsAnUnsupportedDtypeNotANumberFormatError() throws IOException {
        Path p = Files.write(dir.resolve("w.npy"), NpyReaderTest.npy("<f99999999999", false, "(2,)", ByteOrder.LITTLE_ENDIAN, new double[0], 8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyReader.read(p));
        assertTrue(e.getMessage().startsWith("unsupported .npy dtype '<f99999999999'"), e.getMessage());
    }

    @Test
    void overflowingShapesAreRefused() throws IOException {
        for (String shape : new String[] {"(4294967296, 4294967296)", "(9223372036854775807, 2)", "(65536, 65536, 65536, 65536)",
                                          "(3037000500, 3037000500)"}) {
            Path p = Files.write(dir.resolve("o.npy"), NpyReaderTest.npy("<f8", false, shape, ByteOrder.LITTLE_ENDIAN, new double[0], 8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyReader.read(p), shape);
            assertTrue(e.getMessage().contains("o.npy"), e.getMessage());
            assertTrue(e.getMessage().contains("2^63") || e.getMessage().contains("too large"), e.getMessage());
        }
    }

    @Test
    void idxDimensionsWhoseProductOverflowsAreRefused() {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * 4).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {0, 0, 0x08, 4});
        for (int k = 0; k < 4; k++) b.putInt(1 << 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.parse(b.array(), "x.idx", "x.idx", 10));
        assertTrue(e.getMessage().contains("2^63"), e.getMessage());
        ByteBuffer c = ByteBuffer.allocate(4 + 3 * 4).order(ByteOrder.BIG_ENDIAN);
        c.put(new byte[] {0, 0, 0x08, 3}).putInt(1 << 20).putInt(1 << 20).putInt(1 << 20);
        e = assertThrows(IllegalArgumentException.class, () -> IdxReader.parse(c.array(), "y.idx", "y.idx", 10));
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
    }

    @Test
    void binaryCsvMessageHasNoControlCharacters() {
        byte[] b = "1,2\n\u001b[31m\u0007,3\n".getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvReader.parse(b, "b.csv", "b.csv"));
        assertTrue(Printable.isClean(e.getMessage()), e.getMessage());
        assertTrue(e.getMessage().contains("\\x1b[31m\\x07"), e.getMessage());
    }

    @Test
    void folderAsDataFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFiles.read(dir));
        assertTrue(e.getMessage().contains(dir + " is a folder"), e.getMessage());
    }
}
