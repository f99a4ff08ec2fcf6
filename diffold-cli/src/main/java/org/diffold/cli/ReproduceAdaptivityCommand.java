package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.diffold.lab.experiment.adaptivity.AdaptivityConfig;
import org.diffold.lab.experiment.adaptivity.AdaptivityExperiment;
import org.diffold.lab.experiment.adaptivity.AdaptivityReport;
import org.diffold.lab.experiment.adaptivity.AdaptivityResult;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce sampler-adaptivity [--quick]}: which practitioners' samplers adapt to low-dimensional structure. */
@Command(name = "sampler-adaptivity", mixinStandardHelpOptions = true,
        description = {"Exact KL of every practitioners' sampler (k-diffusion / diffusers parity) and the continuous-time schemes for",
            "S in {10, 20, 50, 100} and D in {10, 100, 1000} (k = 8) on the Gaussian and product subspace targets: the complement's",
            "share, the slope of KL in D, and a ranked 'adapts / pays per dimension' table (docs/math.md §3.3, §4)."})
final class ReproduceAdaptivityCommand implements Callable<Integer> {
    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "product target at S = 50 only, no Monte Carlo TV (well under a minute)")
    private boolean quick;

    @Override
    public Integer call() throws Exception {
        AdaptivityConfig config = quick ? AdaptivityConfig.quickConfig() : AdaptivityConfig.full();
        common.checkOutputs();
        AdaptivityExperiment experiment = new AdaptivityExperiment(config);
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = common.openStore();
             Progress progress = common.progress("sampler-adaptivity", experiment.estimatedGroups())) {
            Provenance provenance = common.provenance();
            String runId = store.startRun(AdaptivityExperiment.NAME, common.commandLine(), provenance);
            AdaptivityResult result = experiment.run(common.seed(), common.threads(), progress::step);
            AdaptivityReport report = new AdaptivityReport(config, result);
            Path dir = report.build(provenance).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, dir);
            RunOutput.print(out, common.json(), runId, dir, report.toMap(), report.summary());
        }
        out.flush();
        return 0;
    }
}
