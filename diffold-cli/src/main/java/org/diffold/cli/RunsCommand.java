package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.lab.report.AtomicFiles;
import org.diffold.lab.report.TextTable;
import org.diffold.lab.store.Cell;
import org.diffold.lab.runs.CellExport;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.RunRecord;
import org.diffold.lab.store.RunStatus;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diffold runs}: reads the run store (docs/run-store.md) so nobody needs SQL: lists runs, shows one, and
 * exports cells as CSV or JSON. Read-only except that opening a store marks runs whose process is gone as killed.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs in the run store (newest first), show one, or export cells as CSV or JSON.",
        subcommands = {RunsCommand.Show.class, RunsCommand.Export.class},
        footerHeading = "%nExamples:%n",
        footer = {"  diffold runs                                   the 20 newest runs",
                  "  diffold runs --experiment li-yan --json        every li-yan run as JSON",
                  "  diffold runs show li-yan-20240501-120000-a1b2c3",
                  "  diffold runs export --experiment li-yan --format csv --out runs/li-yan.csv",
                  "  diffold runs export li-yan-20240501-120000-a1b2c3 --format json"})
public final class RunsCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "NAME", description = "only runs of this experiment, oldest first")
    String experiment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) throw new UsageException("--limit must be >= 1, got " + limit);
        try (RunStore store = openExisting(common)) {
            List<RunRecord> runs = experiment == null ? store.recentRuns(limit) : store.runs(experiment);
            if (runs.size() > limit) runs = runs.subList(runs.size() - limit, runs.size());
            PrintWriter out = spec.commandLine().getOut();
            if (common.json()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (RunRecord r : runs) rows.add(summary(r));
                JsonOutput.print(out, Map.of("db", store.path().toString(), "runs", rows));
            } else {
                TextTable t = new TextTable(List.of("run_id", "status", "started", "report"));
                for (RunRecord r : runs) t.row(r.runId(), r.status().label(), r.started(), r.report().orElse("-"));
                out.print(t.render());
                out.printf(Locale.ROOT, "%d runs in %s%n", runs.size(), store.path());
            }
            out.flush();
        }
        return 0;
    }

    /** Opens the store named by {@code --db}, refusing to create one that does not exist. */
    static RunStore openExisting(CommonOptions common) {
        Path db = common.db();
        if (!Files.isRegularFile(db)) {
            throw new UsageException("--db " + db + ": no run store there; runs are recorded by reproduce, train, "
                    + "error, sample, evaluate, advise, bench and id");
        }
        return RunStore.open(db);
    }

    static Map<String, Object> summary(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("experiment", r.experiment());
        m.put("status", r.status().label());
        m.put("started", r.started());
        m.put("finished", r.finished());
        m.put("report_dir", r.reportDir());
        return m;
    }

    static RunRecord find(RunStore store, String runId) {
        return store.run(runId).orElseThrow(() -> new UsageException("run id '" + runId + "' is not in run store "
                + store.path() + "; list them with: diffold runs"));
    }

    /** {@code diffold runs show RUN_ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one run: status, command line, provenance, summary results and how many cells it computed.")
    static final class Show implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN_ID", description = "a run id from 'diffold runs'")
        String runId;

        @Override
        public Integer call() {
            try (RunStore store = openExisting(common)) {
                RunRecord r = find(store, runId);
                Map<String, Object> m = summary(r);
                m.put("owner", r.owner());
                m.put("error", r.error());
                m.put("args", r.args());
                m.put("cells_computed", store.cellsOfRun(runId).size());
                m.put("results", r.results());
                m.put("provenance", Json.readMap(r.provenanceJson()));
                PrintWriter out = spec.commandLine().getOut();
                if (common.json()) {
                    JsonOutput.print(out, m);
                } else {
                    for (Map.Entry<String, Object> e : m.entrySet()) {
                        Object v = e.getValue();
                        out.printf(Locale.ROOT, "%-15s %s%n", e.getKey(),
                                v instanceof Map<?, ?> || v instanceof List<?> ? Json.write(v) : v);
                    }
                    if (r.status() == RunStatus.KILLED) {
                        out.println("(its process ended without finishing; rerun the same command to resume it)");
                    }
                }
                out.flush();
            }
            return 0;
        }
    }

    /** {@code diffold runs export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Export stored cells, one row per cell (experiment, cell_key, run_id, created_at, settings,",
                    "results), as CSV or JSON: the cells one run computed, or every cell of an experiment."})
    static final class Export implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "export the cells this run computed")
        String runId;

        @Option(names = "--experiment", paramLabel = "NAME", description = "export every cell of this experiment instead")
        String experiment;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "write here (atomically) instead of to stdout")
        Path outFile;

        @Override
        public Integer call() throws IOException {
            if ((runId == null) == (experiment == null)) {
                throw new UsageException("give exactly one of RUN_ID or --experiment NAME");
            }
            if (!format.equals("csv") && !format.equals("json")) {
                throw new UsageException("--format must be csv or json, got '" + format + "'");
            }
            if (outFile != null) OutputPaths.checkWritable(outFile);
            String text;
            try (RunStore store = openExisting(common)) {
                List<Cell> cells;
                if (runId != null) {
                    find(store, runId);
                    cells = store.cellsOfRun(runId);
                } else {
                    cells = store.cells(experiment);
                }
                if (format.equals("csv")) {
                    text = CellExport.csv(cells);
                } else {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(runId != null ? "run_id" : "experiment", runId != null ? runId : experiment);
                    m.put("cells", CellExport.rows(cells));
                    text = Json.writePretty(JsonOutput.snakeKeys(m));
                }
            }
            if (outFile != null) {
                AtomicFiles.writeString(outFile, text);
                spec.commandLine().getErr().println("wrote " + outFile);
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
