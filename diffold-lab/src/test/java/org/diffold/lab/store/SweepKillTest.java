package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a sweeping child JVM with SIGKILL semantics ({@code destroyForcibly}) and resumes its sweep. */
class SweepKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void killedSweepResumesWithoutLossOrDuplicates() throws Exception {
        Path db = dir.resolve("killed.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SweepChildMain.class.getName(), db.toString(), "6", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        String runId;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertNotNull(first, "child printed nothing");
            assertTrue(first.startsWith("run "), first);
            runId = first.substring(4);
            for (String line = out.readLine(); !"computing i=3".equals(line); line = out.readLine()) {
                assertNotNull(line, "child ended early after " + lines);
                lines.add(line);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of("computing i=0", "stored i=0", "computing i=1", "stored i=1", "computing i=2",
                "stored i=2"), lines);

        List<String> computed = new ArrayList<>();
        try (RunStore store = RunStore.open(db)) {
            assertEquals(3, store.cells("killed").size(), "cells stored before the kill survive it");
            RunRecord killed = store.run(runId).orElseThrow();
            assertEquals(RunStatus.KILLED, killed.status(), "opening the store marks the dead run killed");
            assertEquals(3, store.cellsOfRun(runId).size(), "the stored cells carry the killed run's id");
            List<Map<String, Object>> results = new Sweep<SweepCell>(store, "killed", TestProvenance.fixed())
                    .run(SweepTest.cells(6), c -> {
                        computed.add(c.key());
                        return SweepTest.square(c);
                    }, SweepListener.NONE);
            assertEquals(List.of("i=3", "i=4", "i=5"), computed, "the dead child's claim on i=3 is taken at once");
            assertEquals(25, results.get(5).get("square"));
            List<Cell> stored = store.cells("killed");
            assertEquals(6, stored.size());
            assertEquals(6, new HashSet<>(stored.stream().map(Cell::key).toList()).size());
        }
    }
}
