package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
    @TempDir Path dir;

    @Test
    void writesNpyWithShapeAndSameBitsForAnyThreadCount() throws Exception {
        Path one = dir.resolve("one.npy"), two = dir.resolve("two.npy");
        assertEquals(0, CliRun.of("sample", "--target", "gmm-subspace", "--k", "3", "--dim", "12", "--steps", "50",
                "--n", "70", "--threads", "1", "--out", one.toString()).code());
        CliRun r = CliRun.of("sample", "--target", "gmm-subspace", "--k", "3", "--dim", "12", "--steps", "50",
                "--n", "70", "--threads", "2", "--out", two.toString());
        assertEquals(0, r.code(), r.err());
        byte[] a = Files.readAllBytes(one), b = Files.readAllBytes(two);
        assertArrayEquals(a, b);
        String header = new String(a, 10, 100, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("'shape': (70, 12)"), header);
        assertEquals(128 + 70 * 12 * 8, a.length);
    }

    @Test
    void writesCsvWithHeader() throws Exception {
        Path out = dir.resolve("s.csv");
        CliRun r = CliRun.of("sample", "--dim", "5", "--k", "2", "--steps", "20", "--n", "4", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertEquals("x0,x1,x2,x3,x4", lines.get(0));
    }

    @Test
    void unwritableFolderIsRefusedBeforeAnyWork() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a folder");
        CliRun r = CliRun.of("sample", "--dim", "5", "--k", "2", "--n", "4", "--out", blocker.resolve("x.npy").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertFalse(Files.exists(blocker.resolve("x.npy")));
    }

    @Test
    void batchLargerThanHeapIsRefusedSayingHowMuch() {
        Path out = dir.resolve("big.npy");
        CliRun r = CliRun.of("sample", "--dim", "100000", "--k", "2", "--n", "2000000000", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("more than one array holds") && r.err().contains("--n 2000000000"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void curvedTargetWithExactScoreLandsNearTheCircle() throws Exception {
        Path out = dir.resolve("circle.npy");
        CliRun r = CliRun.of("sample", "--target", "circle", "--dim", "6", "--steps", "200", "--n", "64",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        byte[] b = Files.readAllBytes(out);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, 128, b.length - 128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double meanNorm = 0;
        for (int i = 0; i < 64; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) { double v = buf.getDouble(); s += v * v; }
            meanNorm += Math.sqrt(s) / 64;
        }
        // the unit circle placed isometrically in R^6: samples at X_1 have norm ~ 1 (noise sigma_1^2 = 1e-5 per coordinate)
        assertEquals(1.0, meanNorm, 0.05);
    }

    @Test
    void wrongExtensionIsAUsageError() {
        CliRun r = CliRun.of("sample", "--dim", "5", "--k", "2", "--n", "4", "--out", dir.resolve("x.txt").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(".npy, .csv or .png"), r.err());
    }
}
