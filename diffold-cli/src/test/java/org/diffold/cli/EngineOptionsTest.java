package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --engine, --master, --workers: refused values give one line and exit 2 before anything is written. */
class EngineOptionsTest {
    @TempDir Path dir;

    private CliRun liYan(String... extra) {
        String[] base = {"reproduce", "li-yan", "--quick", "--db", dir.resolve("runs.db").toString(),
                "--runs-dir", dir.resolve("runs").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void anEngineThatIsNotOnTheClassPathNamesTheAvailableOnes() {
        CliRun r = liYan("--engine", "spark", "--master", "local[2]");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("'spark'") && r.err().contains("available: local")
                && r.err().contains("diffold-spark"), r.err());
        assertFalse(Files.exists(dir.resolve("runs")) || Files.exists(dir.resolve("runs.db")), "nothing written");
    }

    @Test
    void theLocalEngineRefusesAMasterAndZeroWorkers() {
        CliRun r = liYan("--master", "local[2]");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("'master'") && r.err().contains("workers"), r.err());
        r = liYan("--workers", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--workers") || r.err().contains(">= 1"), r.err());
    }
}
