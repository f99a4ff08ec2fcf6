package org.diffold.cli.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.diffold.core.data.DataFiles;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.Printable;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.train.RunMetadata;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader that takes user files: .npy, IDX and CSV (plain and gzip),
 * checkpoints (raw, and with a valid checksum appended so the fuzzer reaches the metadata parsers) and run-store
 * JSON. Each input must either parse or fail with the project's own one-line error: an {@link
 * IllegalArgumentException} (CheckpointException is one) whose message is one clean line. Anything else (an
 * IndexOutOfBounds, NumberFormat, OutOfMemory, NegativeArraySize, a hang...) is a finding.
 *
 * <p>In {@code ./mvnw verify} each target replays its committed corpus in
 * {@code src/test/resources/org/diffold/cli/reliability/ReaderFuzzTestInputs/<method>/}. To fuzz, run
 * {@code scripts/fuzz-readers} (JAZZER_FUZZ=1, one target per JVM, bounded by {@code maxDuration}); new crash
 * inputs land in that folder and become regression seeds once fixed.
 */
class ReaderFuzzTest {

    /** The one failure readers may report: IllegalArgumentException with one printable line naming the file. */
    static void parseOrOneLineError(Runnable r, String name) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank()) throw new AssertionError("empty message", e);
            if (m.contains("\n") || m.contains("\r")) throw new AssertionError("message has more than one line: " + Printable.of(m), e);
            if (!Printable.isClean(m)) throw new AssertionError("control character in message: " + Printable.of(m), e);
            if (name != null && !m.contains(name) && !m.contains("checkpoint")) {
                throw new AssertionError("message does not name the file " + name + ": " + m, e);
            }
        }
    }

    private static void data(byte[] bytes, String name) {
        parseOrOneLineError(() -> {
            DataMatrix m = DataFiles.parse(bytes, name);
            if (m.rows() < 1 || m.cols() < 1 || m.values().length != (long) m.rows() * m.cols()) throw new AssertionError("bad shape");
        }, name);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzNpy(byte[] bytes) {
        data(bytes, "f.npy");
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzIdx(byte[] bytes) {
        data(bytes, "f-idx3-ubyte");
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzCsv(byte[] bytes) {
        data(bytes, "f.csv");
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzGzip(byte[] bytes) {
        data(bytes, "f.npy.gz");
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzCheckpoint(byte[] bytes) {
        parseOrOneLineError(() -> checkpoint(bytes), "c.dfnn");
    }

    /** The fuzzer's bytes with their CRC-32 appended, so that parsing gets past the checksum into the metadata. */
    @FuzzTest(maxDuration = "60s")
    void fuzzCheckpointWithValidChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        byte[] full = Arrays.copyOf(bytes, bytes.length + Long.BYTES);
        ByteBuffer.wrap(full, bytes.length, Long.BYTES).putLong(crc.getValue());
        parseOrOneLineError(() -> checkpoint(full), null);
    }

    private static void checkpoint(byte[] bytes) {
        Checkpoint c;
        try {
            c = CheckpointFormat.read(new ByteArrayInputStream(bytes), bytes.length, "c.dfnn");
        } catch (IOException e) {
            throw new AssertionError("I/O error from an in-memory stream", e);
        }
        RunMetadata.spec(c);
        RunMetadata.config(c);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzRunStoreJson(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        parseOrOneLineError(() -> Json.readMap(s), null);
        parseOrOneLineError(() -> Provenance.fromJson(s), null);
    }
}
