package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands record their runs; {@code diffold runs} lists, shows and exports them. */
class RunsCommandTest {
    @TempDir Path dir;

    private String[] store(String... args) {
        String[] base = {"--db", dir.resolve("d.db").toString(), "--runs-dir", dir.resolve("runs").toString()};
        String[] out = new String[args.length + base.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(base, 0, out, args.length, base.length);
        return out;
    }

    @Test
    void errorRunIsRecordedFinishedWithItsResultsAndShownByRuns() {
        CliRun e = CliRun.of(store("error", "--k", "2", "--dim", "10", "--steps", "50", "--json"));
        assertEquals(0, e.code(), e.err());
        Map<String, Object> printed = Json.readMap(e.out());
        String runId = (String) printed.get("run_id");
        assertTrue(runId.startsWith("error-"), runId);

        CliRun list = CliRun.of(store("runs", "--json"));
        assertEquals(0, list.code(), list.err());
        List<?> runs = (List<?>) Json.readMap(list.out()).get("runs");
        assertEquals(1, runs.size());
        assertEquals("finished", ((Map<?, ?>) runs.get(0)).get("status"));

        CliRun show = CliRun.of(store("runs", "show", runId, "--json"));
        assertEquals(0, show.code(), show.err());
        Map<String, Object> shown = Json.readMap(show.out());
        assertEquals(printed.get("kl"), ((Map<?, ?>) shown.get("results")).get("kl"), "the store keeps what was printed");
        assertEquals(List.of("diffold", "error", "--k", "2", "--dim", "10", "--steps", "50", "--json", "--db",
                dir.resolve("d.db").toString(), "--runs-dir", dir.resolve("runs").toString()), shown.get("args"));

        CliRun text = CliRun.of(store("runs"));
        assertTrue(text.out().contains(runId) && text.out().contains("finished"), text.out());
    }

    @Test
    void exportWritesOneCsvRowPerCellWithRunIds() throws Exception {
        CliRun li = CliRun.of(store("reproduce", "li-yan", "--quick", "--json", "--threads", "2"));
        assertEquals(0, li.code(), li.err());
        String runId = (String) Json.readMap(li.out()).get("run_id");
        int cells = ((Number) Json.readMap(li.out()).get("cells")).intValue();
        Path csv = dir.resolve("cells.csv");
        CliRun ex = CliRun.of(store("runs", "export", runId, "--format", "csv", "--out", csv.toString()));
        assertEquals(0, ex.code(), ex.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(cells + 1, lines.size(), "header + one row per computed cell");
        assertTrue(lines.get(0).startsWith("experiment,cell_key,run_id,created_at,"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("li-yan,") && line.contains("," + runId + ","), line);
        }
        CliRun all = CliRun.of(store("runs", "export", "--experiment", "li-yan", "--format", "json"));
        assertEquals(0, all.code(), all.err());
        assertEquals(cells, ((List<?>) Json.readMap(all.out()).get("cells")).size());
    }

    @Test
    void badInputsAreOneLineUsageErrors() {
        CliRun none = CliRun.of(store("runs"));
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no run store there") && none.errLines().length == 1, none.err());
        assertTrue(!Files.exists(dir.resolve("d.db")), "listing does not create a store");
        CliRun e = CliRun.of(store("error", "--k", "2", "--dim", "10", "--steps", "50"));
        assertEquals(0, e.code(), e.err());
        CliRun unknown = CliRun.of(store("runs", "show", "nope"));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("run id 'nope' is not in run store"), unknown.err());
        CliRun both = CliRun.of(store("runs", "export", "x", "--experiment", "li-yan"));
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exactly one of RUN_ID or --experiment"), both.err());
        CliRun fmt = CliRun.of(store("runs", "export", "--experiment", "li-yan", "--format", "xml"));
        assertEquals(2, fmt.code());
        assertTrue(fmt.err().contains("--format must be csv or json, got 'xml'"), fmt.err());
    }
}
