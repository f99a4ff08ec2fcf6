package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    /** An IDX file of unsigned bytes with the given dimensions (format as in IdxReader's Javadoc). */
    static byte[] idxBytes(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) { gz.write(raw); }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsImagesPlainAndGzippedAsFlattenedRows() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 20); // 0..220, above 127 checks unsignedness
        byte[] raw = idxBytes(new int[] {3, 2, 2}, pixels);
        for (Path p : new Path[] {write("a-idx3-ubyte", raw), write("a-idx3-ubyte.gz", gzip(raw))}) {
            DataMatrix m = IdxReader.read(p);
            assertEquals(3, m.rows());
            assertEquals(4, m.cols());
            double[] want = new double[pixels.length];
            for (int i = 0; i < want.length; i++) want[i] = i * 20;
            assertArrayEquals(want, m.values());
        }
    }

    @Test
    void readsAPrefixOfRowsButValidatesTheWholeFile() throws IOException {
        byte[] raw = idxBytes(new int[] {3, 2}, new byte[] {1, 2, 3, 4, 5, 6});
        DataMatrix m = IdxReader.read(write("p.idx", raw), null, 2);
        assertEquals(2, m.rows());
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.values());
        assertEquals(3, IdxReader.read(write("q.idx", raw), null, 10).rows());
        assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("r.idx", Arrays.copyOf(raw, raw.length - 1)), null, 1));
    }

    @Test
    void readsFloat64Labels() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 16);
        b.put(new byte[] {0, 0, 0x0E, 1}).putInt(2).putDouble(-1.5).putDouble(2.25);
        DataMatrix m = IdxReader.read(write("v.idx", b.array()));
        assertEquals(2, m.rows());
        assertEquals(1, m.cols());
        assertArrayEquals(new double[] {-1.5, 2.25}, m.values());
    }

    @Test
    void rejectsWrongMagicTruncatedOverlongAndCorruptGzip() throws IOException {
        byte[] raw = idxBytes(new int[] {2, 3}, new byte[6]);
        byte[] wrong = raw.clone();
        wrong[0] = 0x12;
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("wrong", wrong))).getMessage();
        assertTrue(msg.contains("wrong magic number"), msg);
        byte[] badType = raw.clone();
        badType[2] = 0x07;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("type", badType))).getMessage().contains("unknown IDX type"));
        msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("short", Arrays.copyOf(raw, raw.length - 1)))).getMessage();
        assertTrue(msg.startsWith("truncated IDX file"), msg);
        assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("long", Arrays.copyOf(raw, raw.length + 1))));
        byte[] gz = gzip(raw);
        msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("cut.gz", Arrays.copyOf(gz, gz.length / 2)))).getMessage();
        assertTrue(msg.contains("truncated or corrupt gzip"), msg);
    }

    @Test
    void missingFashionMnistNamesThePackage() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.images(dir.resolve("nowhere"), FashionMnist.Split.TEST)).getMessage();
        assertTrue(msg.contains("dataset-fashion-mnist"), msg);
    }

    @Test
    void realFashionMnistWhenInstalled() throws IOException {
        Path file = FashionMnist.imagesFile(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TEST);
        assumeTrue(Files.exists(file), "dataset-fashion-mnist not installed");
        DataMatrix m = FashionMnist.images(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TEST);
        assertEquals(10000, m.rows()); // t10k split size (Xiao et al. 2017)
        assertEquals(784, m.cols());   // 28 x 28 pixels
        double max = Arrays.stream(m.values()).max().orElseThrow(), min = Arrays.stream(m.values()).min().orElseThrow();
        assertTrue(min >= 0 && max <= 255 && max > 200, "pixel range " + min + ".." + max);
        assertEquals(10000, FashionMnist.labels(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TEST).rows());
    }
}
