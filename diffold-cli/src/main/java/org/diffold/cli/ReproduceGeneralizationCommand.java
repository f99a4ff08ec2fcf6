package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.FashionMnist;
import org.diffold.lab.experiment.generalization.GeneralizationConfig;
import org.diffold.lab.experiment.generalization.GeneralizationExperiment;
import org.diffold.lab.experiment.generalization.GeneralizationReport;
import org.diffold.lab.experiment.generalization.GeneralizationResult;
import org.diffold.lab.experiment.generalization.GeneralizationRun;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce generalization [--quick]}: generalization before memorization (arXiv 2603.23792). */
@Command(name = "generalization", mixinStandardHelpOptions = true,
        description = {"Shen, Hsieh & He (2603.23792): the exact empirical score memorizes, a coarse score that knows only the manifold",
            "generalizes. Circle, spheres S^2 and S^3, torus with piecewise-constant densities in R^16 and R^128, N = 2^6..2^14;",
            "empirical, kde, cfdm, coarse and neural scores; memorization, fidelity, coverage, mass ratios, SW, MMD; fitted",
            "exponents; DSM training curves; Fashion-MNIST subsets. Resumable: finished cells are read back from the run store."})
final class ReproduceGeneralizationCommand implements Callable<Integer> {
    @Mixin private CommonOptions common;
    @Mixin private NnOptions nn;
    @Spec private CommandSpec spec;

    @Option(names = "--quick", description = "circle and torus in R^16, N in {64, 256, 1024}, short training (under 2 minutes)")
    private boolean quick;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Fashion-MNIST folder; that part is skipped when it is missing "
            + "(default: ${DEFAULT-VALUE})")
    private Path dataDir = FashionMnist.DEFAULT_DIR;

    @Override
    public Integer call() throws Exception {
        GeneralizationConfig cfg = quick ? GeneralizationConfig.quick(common.seed()) : GeneralizationConfig.full(common.seed());
        common.checkOutputs();
        if (!nn.device().equals(ai.djl.Device.cpu())) throw new UsageException("--device: reproduce generalization trains its networks on the CPU only");
        GeneralizationExperiment e = new GeneralizationExperiment(cfg, common.threads());
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = common.openStore();
             Progress progress = common.progress("generalization", GeneralizationRun.cellCount(e, dataDir))) {
            Provenance prov = common.provenance();
            String runId = store.startRun(GeneralizationConfig.EXPERIMENT, common.commandLine(), prov);
            GeneralizationResult r = GeneralizationRun.run(e, dataDir, store, prov, progress::cell);
            GeneralizationReport report = new GeneralizationReport(r);
            Path dir = report.build(prov, dataDir).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, dir);
            if (common.json()) {
                Map<String, Object> m = new LinkedHashMap<>(r.toMap());
                m.put("report", dir.resolve("index.html").toString());
                out.println(Json.writePretty(m));
            } else {
                for (String line : report.findings()) out.println(line);
                out.println("report: " + dir.resolve("index.html"));
            }
        }
        out.flush();
        return 0;
    }
}
