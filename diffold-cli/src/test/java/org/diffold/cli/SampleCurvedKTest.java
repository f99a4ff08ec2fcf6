package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample --target torus --k 8} is refused (the torus is 2-dimensional); a matching --k is accepted. */
class SampleCurvedKTest {
    @TempDir Path dir;

    @Test
    void kOtherThanTheCurvedTargetsDimensionIsAUsageError() {
        Path out = dir.resolve("t.npy");
        CliRun r = CliRun.of("sample", "--target", "torus", "--k", "8", "--dim", "10", "--steps", "20", "--n", "5",
                "--out", out.toString(), "--db", dir.resolve("d.db").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--k 8 does not apply to --target torus: its intrinsic dimension is 2"), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertFalse(Files.exists(out));
        CliRun ok = CliRun.of("sample", "--target", "torus", "--k", "2", "--dim", "10", "--steps", "20", "--n", "5",
                "--out", out.toString(), "--db", dir.resolve("d.db").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(out));
    }
}
