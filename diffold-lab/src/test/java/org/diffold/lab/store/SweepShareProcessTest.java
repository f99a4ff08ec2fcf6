package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs run the same sweep on one store at the same time: every cell is computed once and stored once. */
class SweepShareProcessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twoProcessesSplitTheCells() throws Exception {
        Path db = dir.resolve("shared.db");
        Path barrier = Files.createDirectory(dir.resolve("barrier"));
        int n = 20;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("child" + i + ".txt");
            outs.add(out);
            children.add(new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), SweepChildMain.class.getName(), db.toString(),
                    Integer.toString(n), "-1", "20", barrier.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start());
        }
        for (Process p : children) {
            assertTrue(p.waitFor(80, TimeUnit.SECONDS), "child did not finish");
            assertEquals(0, p.exitValue(), "child failed");
        }
        List<List<String>> computed = new ArrayList<>();
        for (Path out : outs) {
            List<String> mine = computedKeys(out);
            assertEquals(n, Files.readAllLines(out).stream().filter(l -> l.startsWith("stored ")).count(),
                    "each child ends with every cell's results");
            computed.add(mine);
        }
        Set<String> all = new HashSet<>(computed.get(0));
        for (String key : computed.get(1)) {
            assertTrue(all.add(key), "cell " + key + " was computed by both processes");
        }
        assertEquals(n, all.size(), "every cell computed once in total");
        assertTrue(!computed.get(0).isEmpty() && !computed.get(1).isEmpty(),
                "both processes computed cells: " + computed);
        try (RunStore store = RunStore.open(db)) {
            assertEquals(n, store.cells("killed").size());
            for (RunRecord r : store.runs("killed")) {
                assertEquals(RunStatus.FINISHED, r.status());
            }
        }
    }

    private static List<String> computedKeys(Path out) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("computing ")) {
                keys.add(line.substring("computing ".length()));
            }
        }
        return keys;
    }
}
