package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
    @TempDir Path dir;

    /** A version-1.0 .npy file: magic, version, uint16 header length, dict padded to 64 bytes (numpy.lib.format). */
    static byte[] npy(String descr, boolean fortran, String shape, ByteOrder order, double[] values, int width) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.order(order);
        for (double v : values) {
            if (width == 8) b.putDouble(v); else b.putFloat((float) v);
        }
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void roundTripsFloat64AndFloat32InBothByteOrders() throws IOException {
        double[] v = {1, -2.5, 3, 4.25, 5, 6};
        DataMatrix a = NpyReader.read(write("a.npy", npy("<f8", false, "(2, 3)", ByteOrder.LITTLE_ENDIAN, v, 8)));
        assertEquals(2, a.rows());
        assertEquals(3, a.cols());
        assertArrayEquals(v, a.values());
        DataMatrix b = NpyReader.read(write("b.npy", npy(">f4", false, "(3, 2)", ByteOrder.BIG_ENDIAN, v, 4)));
        assertEquals(3, b.rows());
        assertArrayEquals(v, b.values());
        DataMatrix c = NpyReader.read(write("c.npy", npy("<f8", false, "(6,)", ByteOrder.LITTLE_ENDIAN, v, 8)));
        assertEquals(6, c.rows());
        assertEquals(1, c.cols());
    }

    @Test
    void transposesFortranOrder() throws IOException {
        // the 2 x 3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column
        double[] colMajor = {1, 4, 2, 5, 3, 6};
        DataMatrix m = NpyReader.read(write("f.npy", npy("<f8", true, "(2, 3)", ByteOrder.LITTLE_ENDIAN, colMajor, 8)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.values());
    }

    @Test
    void rejectsWrongMagicTruncationTrailingBytesAndUnsupportedDtype() throws IOException {
        byte[] ok = npy("<f8", false, "(2, 2)", ByteOrder.LITTLE_ENDIAN, new double[] {1, 2, 3, 4}, 8);
        byte[] wrong = ok.clone();
        wrong[1] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NpyReader.read(write("w.npy", wrong))).getMessage().contains("wrong magic number"));
        String msg = assertThrows(IllegalArgumentException.class, () -> NpyReader.read(write("t.npy", Arrays.copyOf(ok, ok.length - 3)))).getMessage();
        assertTrue(msg.startsWith("truncated .npy file"), msg);
        assertThrows(IllegalArgumentException.class, () -> NpyReader.read(write("h.npy", Arrays.copyOf(ok, 20))));
        assertThrows(IllegalArgumentException.class, () -> NpyReader.read(write("l.npy", Arrays.copyOf(ok, ok.length + 8))));
        byte[] complex = npy("<c16", false, "(1,)", ByteOrder.LITTLE_ENDIAN, new double[] {0, 0}, 8);
        assertThrows(IllegalArgumentException.class, () -> NpyReader.read(write("c.npy", complex)));
    }
}
