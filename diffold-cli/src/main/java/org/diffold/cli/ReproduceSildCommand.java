package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.lab.experiment.sild.SildConfig;
import org.diffold.lab.experiment.sild.SildExperiment;
import org.diffold.lab.experiment.sild.SildReport;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold reproduce sild}: collapse figures, then SiLD vs VAE-LDM vs AE vs pixel diffusion on Fashion-MNIST. */
@Command(name = "sild", mixinStandardHelpOptions = true,
        description = "Huang et al. (SiLD): exact collapse of the denoiser, and SiLD vs KL-VAE latent diffusion on Fashion-MNIST.",
        footerHeading = "%nExamples:%n",
        footer = {"  diffold reproduce sild --quick     about 2 minutes on 2 cores",
                  "  diffold reproduce sild             about 30 minutes; cells and model training resume after an interruption"})
final class ReproduceSildCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin NnOptions nn;
    @Spec CommandSpec spec;

    @Option(names = "--quick", description = "small budget (3 methods' worth of training in about 2 minutes)") boolean quick;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "folder of the trained models (default: <runs-dir>/sild-models)") Path workDir;

    @Override
    public Integer call() throws Exception {
        if (!nn.device().equals(ai.djl.Device.cpu())) throw new UsageException("reproduce sild runs on the CPU (bit-reproducible cells); drop --device");
        SildConfig cfg = quick ? SildConfig.quick(common.seed()) : SildConfig.full(common.seed());
        Path work = workDir != null ? workDir : common.runsDir().resolve("sild-models");
        common.checkOutputs();
        OutputPaths.checkWritableDirectory(work);
        SildExperiment exp = new SildExperiment(cfg, work, nn.device(), common.threads());
        Provenance provenance = common.provenance();
        PrintWriter o = spec.commandLine().getOut();
        try (RunStore store = common.openStore()) {
            String runId = store.startRun(SildConfig.EXPERIMENT, common.commandLine(), provenance);
            List<SweepCell> cells = exp.cells();
            List<Map<String, Object>> results;
            try (Progress bar = common.progress("sild", cells.size())) {
                results = new Sweep<SweepCell>(store, SildConfig.EXPERIMENT, provenance).run(cells, exp::compute, bar::cell);
            }
            Path dir = SildReport.build(cfg, results, exp, provenance).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, dir);
            Map<String, Object> j = SildReport.json(cfg, results, dir.resolve("index.html").toString());
            if (common.json()) {
                o.println(Json.write(j));
            } else {
                o.printf(Locale.ROOT, "%-14s %10s %8s %10s %9s %7s%n", "method", "recon MSE", "PSNR", "FD", "precision", "recall");
                for (Object m : (List<?>) j.get("methods")) {
                    Map<?, ?> r = (Map<?, ?>) m;
                    o.printf(Locale.ROOT, "%-14s %10s %8s %10s %9s %7s%n", r.get("name"), f(r.get("recon_mse")), f(r.get("psnr")), f(r.get("fd")),
                            f(r.get("precision")), f(r.get("recall")));
                }
                o.println("report " + dir.resolve("index.html"));
            }
        }
        return 0;
    }

    private static String f(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue()) : "n/a";
    }
}
