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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the bytes against the NumPy format specification ({@code numpy.lib.format}, version 1.0). */
class NpyWriterTest {

    @TempDir
    Path dir;

    @Test
    void matrixFileFollowsFormatSpec() throws IOException {
        double[] data = {1.0, -2.5, 3.25, Double.NaN, 1e-300, Double.NEGATIVE_INFINITY};
        Path f = NpyWriter.write(dir.resolve("m.npy"), data, 3, 2);
        byte[] bytes = Files.readAllBytes(f);

        assertArrayEquals(NpyWriter.MAGIC, Arrays.copyOf(bytes, 6), "magic string");
        assertEquals(1, bytes[6], "major version");
        assertEquals(0, bytes[7], "minor version");
        int headerLen = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        int dataStart = 10 + headerLen;
        assertEquals(0, dataStart % 64, "data must start on a 64-byte boundary");
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }"), header);
        assertTrue(header.endsWith("\n"), "header ends with a newline");
        assertTrue(header.substring(header.indexOf('}') + 1, headerLen - 1).isBlank(), "padding is spaces");

        assertEquals(dataStart + data.length * 8, bytes.length);
        ByteBuffer body = ByteBuffer.wrap(bytes, dataStart, data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double expected : data) {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(body.getDouble()));
        }
    }

    @Test
    void vectorShapeIsOneTuple() {
        byte[] h = NpyWriter.header("(5,)");
        String text = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
        assertTrue(text.contains("'shape': (5,), }"), text);
        assertEquals(0, h.length % 64);
    }

    @Test
    void headerLengthIsMultipleOf64ForManyShapes() {
        for (int n = 0; n < 2000; n += 37) {
            assertEquals(0, NpyWriter.header("(" + n + ", " + (n * 7 + 1) + ")").length % 64, "n=" + n);
        }
    }

    @Test
    void rejectsShapeMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.write(dir.resolve("x.npy"), new double[5], 2, 3));
        assertTrue(e.getMessage().contains("data.length 5"), e.getMessage());
    }

    @Test
    void roundTripsThroughNumpyWhenAvailable() throws Exception {
        Assumptions.assumeTrue(commandSucceeds("python3", "-c", "import numpy"), "python3 with numpy not found");
        double[] data = new double[3 * 20_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.25 - 7.0; // exact in binary, so numpy can recompute it bit for bit
        }
        Path f = NpyWriter.write(dir.resolve("big.npy"), data, 20_000, 3);
        NpyWriter.write(dir.resolve("v.npy"), new double[] {0.5, 2});
        String script = "import numpy as np, sys\n"
                + "a = np.load(sys.argv[1]); v = np.load(sys.argv[2])\n"
                + "assert a.dtype == np.float64 and a.shape == (20000, 3) and a.flags['C_CONTIGUOUS']\n"
                + "assert v.shape == (2,) and v[0] == 0.5 and v[1] == 2.0\n"
                + "e = np.arange(60000) * 0.25 - 7.0\n"
                + "print(int(np.sum(a.reshape(-1) != e)))\n";
        Process p = new ProcessBuilder("python3", "-c", script, f.toString(), dir.resolve("v.npy").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("0", out, "number of values that differ");
    }

    private static boolean commandSucceeds(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
