package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file format of {@link CheckpointFormat} (no engine needed). */
class CheckpointFormatTest {
    @TempDir Path dir;

    private static Checkpoint sample() {
        Map<String, float[]> f = new LinkedHashMap<>();
        f.put("weights/a", new float[] {1f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f});
        Map<String, double[]> d = new LinkedHashMap<>();
        d.put("history/loss", new double[] {Math.PI, -1e-300});
        return new Checkpoint(Map.of("step", "7", "net.dim", "5", "text", "ünïcode"), f, d);
    }

    @Test
    void roundTripsExactly() throws Exception {
        Path p = dir.resolve("c.dfnn");
        CheckpointFormat.write(p, sample());
        Checkpoint c = CheckpointFormat.read(p);
        assertEquals(7, c.step());
        assertEquals("ünïcode", c.meta().get("text"));
        assertArrayEquals(sample().floats("weights/a"), c.floats("weights/a"), 0f);
        assertArrayEquals(sample().doubles("history/loss"), c.doubles("history/loss"), 0.0);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void rejectsBadFilesWithOneLineMessages() throws Exception {
        Path p = dir.resolve("c.dfnn");
        CheckpointFormat.write(p, sample());
        byte[] good = Files.readAllBytes(p);

        Path truncated = dir.resolve("t.dfnn");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 3));
        assertMessage(truncated, "truncated");

        Path magic = dir.resolve("m.dfnn");
        Files.writeString(magic, "hello, not a checkpoint at all");
        assertMessage(magic, "not a Diffold checkpoint");

        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).putInt("DIFFOLD-NN\n".length(), 99);
        Path v = dir.resolve("v.dfnn");
        Files.write(v, newer);
        assertMessage(v, "format version 99");

        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 1;
        Path f = dir.resolve("f.dfnn");
        Files.write(f, flipped);
        assertMessage(f, "corrupt");

        assertMessage(dir.resolve("missing.dfnn"), "does not exist");
    }

    private static void assertMessage(Path p, String part) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFormat.read(p));
        assertTrue(e.getMessage().contains(part) && !e.getMessage().contains("\n"), e.getMessage());
    }
}
