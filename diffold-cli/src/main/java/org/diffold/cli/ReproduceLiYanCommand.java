package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.lab.engine.EngineSweep;
import org.diffold.lab.engine.LiYanCells;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.experiment.liyan.LiYanConfig;
import org.diffold.lab.experiment.liyan.LiYanExperiment;
import org.diffold.lab.experiment.liyan.LiYanReport;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.SweepCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold reproduce li-yan}: exact KL/TV versus D for the DDPM coefficient designs, with simulated checks. */
@Command(name = "li-yan", mixinStandardHelpOptions = true,
        description = {"Li & Yan (NeurIPS 2024): with the posterior-variance coefficients DDPM's error does not grow with the "
                + "ambient dimension D; with the classic ones it grows linearly. Exact KL and TV for k = 8, "
                + "D in {10..1000}, T in {100, 200, 500, 1000}, designs li-yan, classic and ddim, on a Gaussian and a "
                + "product target, plus simulations of the actual sampler. Interrupted runs resume: finished cells "
                + "are read back from the run store."},
        footerHeading = "%nExamples:%n",
        footer = {"  diffold reproduce li-yan", "  diffold reproduce li-yan --quick --json",
                  "  diffold reproduce li-yan --db /tmp/runs.db --runs-dir /tmp/reports",
                  "  diffold reproduce li-yan --engine spark --master local[2]",
                  "  diffold reproduce li-yan --engine spark --master spark://host:7077"})
public final class ReproduceLiYanCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin EngineOptions engineOptions;
    @Spec CommandSpec spec;

    @Option(names = "--quick", description = "a smaller grid (D in {10, 100, 1000}, T in {100, 1000}) in seconds")
    boolean quick;

    @Override
    public Integer call() throws IOException {
        LiYanConfig config = LiYanConfig.defaults(quick);
        LiYanExperiment experiment = new LiYanExperiment(config, common.seed(), common.threads());
        common.checkOutputs();
        PrintWriter out = spec.commandLine().getOut();
        try (SweepEngine engine = engineOptions.open()) {   // a refused engine or option writes nothing
            run(experiment, engine, out);
        }
        return 0;
    }

    private void run(LiYanExperiment experiment, SweepEngine engine, PrintWriter out) throws IOException {
        LiYanConfig config = experiment.config();
        Provenance provenance = common.provenance();
        List<SweepCell> cells = experiment.cells();
        try (RunStore store = common.openStore()) {
            String runId = store.startRun(LiYanExperiment.NAME, common.commandLine(), provenance);
            EngineSweep sweep = new EngineSweep(store, LiYanExperiment.NAME, provenance, engine, runId);
            List<Map<String, Object>> results;
            try (Progress bar = common.progress("li-yan", cells.size())) {
                results = sweep.run(LiYanCells.recipe(config, common.seed(), common.threads()), cells,
                        (done, total, key) -> bar.cell(done, total, key));
            }
            int missing = sweep.computed();
            LiYanReport report = new LiYanReport(config, cells, results);
            Path dir = report.report(provenance).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, dir);
            if (common.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run_id", runId);
                m.put("report", dir.resolve("index.html").toString());
                m.put("cells", cells.size());
                m.put("computed", missing);
                m.put("engine", engine.describe());
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>(cells.get(i).settings());
                    row.putAll(results.get(i));
                    rows.add(row);
                }
                m.put("results", rows);
                JsonOutput.print(out, m);
            } else {
                out.print(report.terminal());
                out.printf("%n%d cells (%d computed by engine %s, %d from the run store %s)%nreport: %s%n",
                        cells.size(), missing, engine.describe(), cells.size() - missing, store.path(),
                        dir.resolve("index.html"));
            }
        }
    }
}
