package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.lab.experiment.learned.LearnedScoresConfig;
import org.diffold.lab.experiment.learned.LearnedScoresExperiment;
import org.diffold.lab.experiment.learned.LearnedScoresReport;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce learned-scores [--quick]}: eps_score^2 and sampler error of learned scores versus D. */
@Command(name = "learned-scores", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the same score network for D in {16, 64, 256, 1024} (k = 8 Gaussian mixture on a subspace); "
                + "report eps_score^2 versus D and the li-yan versus classic sampler error with the learned score.")
final class LearnedScoresCommand implements Callable<Integer> {
    @Mixin private CommonOptions common;
    @Mixin private NnOptions nn;
    @Spec private CommandSpec spec;

    @Option(names = "--quick", description = "small network, 300 steps, T = 50: a minute instead of many") private boolean quick;
    @Option(names = "--dims", split = ",", paramLabel = "D", description = "ambient dimensions (default: 16,64,256,1024)")
    private List<Integer> dims;
    @Option(names = "--train-steps", paramLabel = "S", description = "training steps per D (default: 4000, quick 300)")
    private Integer trainSteps;
    @Option(names = "--param", paramLabel = "P", description = "network parameterisation: edm-pca (edm per principal direction of the data, default), edm (scalar sigma_data), epsilon, x0 or score")
    private String param = "edm-pca";

    @Override
    public Integer call() throws Exception {
        LearnedScoresConfig cfg = quick ? LearnedScoresConfig.quick(common.seed()) : LearnedScoresConfig.full(common.seed());
        if (dims != null) {
            if (dims.isEmpty()) throw new UsageException("--dims names no dimension; give e.g. --dims 16,64");
            for (int d : dims) Sizes.range("--dims", d, 1, 1 << 20);
            cfg = cfg.withDims(dims);
        }
        if (trainSteps != null) cfg = cfg.withSteps(Sizes.atLeast("--train-steps", trainSteps, 1));
        common.checkOutputs();
        try {
            cfg = cfg.withParameterisation(param);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--param: " + e.getMessage());
        }
        if (!nn.device().equals(ai.djl.Device.cpu())) {
            throw new UsageException("learned-scores runs on the CPU (bit-reproducible cells); drop --device");
        }
        LearnedScoresExperiment exp = new LearnedScoresExperiment(cfg, common.threads());
        Provenance provenance = common.provenance();
        PrintWriter o = spec.commandLine().getOut();
        try (RunStore store = common.openStore()) {
            String runId = store.startRun(LearnedScoresConfig.EXPERIMENT, common.commandLine(), provenance);
            List<SweepCell> cells = exp.cells();
            List<Map<String, Object>> results;
            try (Progress bar = common.progress("learned-scores", cells.size())) {
                results = new Sweep<SweepCell>(store, LearnedScoresConfig.EXPERIMENT, provenance, runId).run(cells, exp::compute, bar::cell);
            }
            Path dir = LearnedScoresReport.build(cfg, results, provenance).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, dir);
            if (common.json()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("run_id", runId);
                m.put("report", dir.toString());
                m.put("cells", results.stream().map(LearnedScoresCommand::summary).toList());
                JsonOutput.print(o, m);
            } else {
                o.printf(Locale.ROOT, "%6s %12s %14s %14s %14s %14s%n", "D", "eps_score^2", "KLperp li-yan", "KLperp classic",
                        "SW li-yan", "SW classic");
                for (Map<String, Object> r : results) {
                    o.printf(Locale.ROOT, "%6s %12.4g %14s %14s %14s %14s%n", r.get("D"), num(r.get("epsScore2")),
                            f(r.get("li-yan.learned.klPerpIso")), f(r.get("classic.learned.klPerpIso")),
                            f(r.get("li-yan.learned.sw")), f(r.get("classic.learned.sw")));
                }
                o.println("report " + dir.resolve("index.html"));
            }
        }
        return 0;
    }

    private static Map<String, Object> summary(Map<String, Object> r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(r);
        m.remove("lossCurve");
        m.remove("epsScore2PerLevel");
        return m;
    }

    private static double num(Object v) {
        return v instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    private static String f(Object v) {
        return v instanceof Number x ? String.format(Locale.ROOT, "%.4g", x.doubleValue()) : "n/a";
    }
}
