package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.diffold.lab.bench.PropagationBenchmark;
import org.diffold.lab.experiment.common.ExactFactorCalculator;
import org.diffold.lab.experiment.potaptchik.PotaptchikConfig;
import org.diffold.lab.experiment.potaptchik.PotaptchikExperiment;
import org.diffold.lab.experiment.potaptchik.PotaptchikReport;
import org.diffold.lab.experiment.potaptchik.PotaptchikResult;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce potaptchik [--quick]}: steps linear in intrinsic dimension (arXiv 2410.09046). */
@Command(name = "potaptchik", mixinStandardHelpOptions = true,
        description = {"Potaptchik, Azangulov & Deligiannidis (2410.09046): ddpm-posterior (Eq. 4) on the Definition 9 grid needs",
            "steps growing with the intrinsic dimension d and flat in the ambient D; the exponential integrator pays in D.",
            "Exact KL on pi^d x delta_0^(D-d) for d in 1..32, D in {d,10d,100d,1000d}; steps needed, delta/kappa",
            "sensitivity and perturbed scores. Resumable: finished cells are read back from the run store."})
final class ReproducePotaptchikCommand implements Callable<Integer> {
    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "kappa lattice in factors of 2, one eps (0.01), fewer deltas and amplitudes (seconds)")
    private boolean quick;

    @Override
    public Integer call() throws Exception {
        PotaptchikConfig config = quick ? PotaptchikConfig.quickConfig() : PotaptchikConfig.full();
        common.checkOutputs();
        ExactFactorCalculator calc = new ExactFactorCalculator();
        PotaptchikExperiment experiment = new PotaptchikExperiment(config, calc);
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = common.openStore();
             Progress progress = common.progress("potaptchik", experiment.estimatedCells())) {
            Provenance provenance = common.provenance();
            String runId = store.startRun(PotaptchikExperiment.NAME, common.commandLine(), provenance);
            PotaptchikResult result = experiment.run(store, provenance, runId, progress::cell);
            List<PropagationBenchmark.Row> bench = PropagationBenchmark.run(2);
            PotaptchikReport report = new PotaptchikReport(config, result, calc.settings(), bench);
            Path dir = report.build(provenance).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, dir);
            RunOutput.print(out, common.json(), runId, dir, report.toMap(), report.summary());
        }
        out.flush();
        return 0;
    }
}
