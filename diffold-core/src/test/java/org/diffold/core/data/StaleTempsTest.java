package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only temporary entries whose owner process is gone (or, without an owner, that are a day old) are removed. */
class StaleTempsTest {
    @TempDir Path dir;

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.pid();
    }

    @Test
    void removesEntriesOfDeadOwnersOnly() throws Exception {
        long dead = deadPid();
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Path deadFile = Files.writeString(dir.resolve(".s.npy.tmp-" + dead + "-123"), "partial");
            Path deadDir = Files.createDirectories(dir.resolve(".run-1.tmp-" + dead + "-456/plots"));
            Files.writeString(deadDir.resolve("a.png"), "x");
            Path deadOld = Files.createDirectories(dir.resolve(".run-0.old-" + dead + "-789"));
            Path liveFile = Files.writeString(dir.resolve(".s.npy.tmp-" + live.pid() + "-123"), "being written");
            Path mine = Files.createTempFile(dir, StaleTemps.prefix("m.npy", "tmp"), "");
            Path legacyOld = Files.writeString(dir.resolve(".x.npy.tmp-98765"), "old format");
            Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minus(StaleTemps.LEGACY_AGE).minusSeconds(60)));
            Path legacyNew = Files.writeString(dir.resolve(".y.npy.tmp-98765"), "old format, recent");
            Path user = Files.writeString(dir.resolve(".notes.tmp"), "not ours");
            Path data = Files.writeString(dir.resolve("s.npy"), "final");

            assertEquals(4, StaleTemps.clean(dir));
            assertFalse(Files.exists(deadFile));
            assertFalse(Files.exists(deadDir.getParent()));
            assertFalse(Files.exists(deadOld));
            assertFalse(Files.exists(legacyOld));
            for (Path kept : new Path[] {liveFile, mine, legacyNew, user, data}) assertTrue(Files.exists(kept), kept.toString());
        } finally {
            live.destroyForcibly();
        }
    }

    @Test
    void atomicWriteCleansAKilledWritersTempFile() throws Exception {
        Path stale = Files.writeString(dir.resolve(".out.npy.tmp-" + deadPid() + "-1"), "x".repeat(1000));
        AtomicWrite.write(dir.resolve("other.csv"), new byte[] {1});
        assertFalse(Files.exists(stale));
        assertTrue(StaleTemps.prefix("a", "tmp").startsWith(".a.tmp-" + ProcessHandle.current().pid() + "-"));
    }

    @Test
    void missingFolderIsNothingToDo() throws IOException {
        assertEquals(0, StaleTemps.clean(dir.resolve("none")));
    }
}
