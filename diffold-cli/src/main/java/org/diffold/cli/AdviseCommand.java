package org.diffold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.diffold.core.target.Mixture1D;
import org.diffold.lab.experiment.common.ExactFactorCalculator;
import org.diffold.lab.experiment.potaptchik.PotaptchikAdvisor;
import org.diffold.lab.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diffold advise --k 8 --dim 1000 --eps 0.01}: a ddpm-posterior grid meeting a KL target. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Recommend K, kappa, L, M, T, delta for ddpm-posterior to reach KL <= eps (2410.09046).",
            "Definition 9 grid; T and M from the recipe of docs/math.md §2.3; kappa calibrated so that the exact KL on",
            "pi^k x delta_0^(D-k) with pi = 0.3 N(-1.2, 0.09) + 0.7 N(0.8, 0.09) is <= eps; prints that predicted KL."})
final class AdviseCommand implements Callable<Integer> {
    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Option(names = "--k", required = true, paramLabel = "K", description = "intrinsic dimension k (d in the paper), 1 <= k <= D")
    private int k;

    @Option(names = "--dim", required = true, paramLabel = "D", description = "ambient dimension D >= k")
    private int dim;

    @Option(names = "--eps", required = true, paramLabel = "EPS", description = "KL target, > 0")
    private double eps;

    @Option(names = "--delta", paramLabel = "DELTA", description = "early-stopping time in (0, 1) (default: ${DEFAULT-VALUE})")
    private double delta = PotaptchikAdvisor.DEFAULT_DELTA;

    @Option(names = "--kappa", paramLabel = "KAPPA", description = "keep this kappa in (0, 0.25) instead of calibrating it")
    private Double kappa;

    /** The command line that runs the recommendation on the calibration target (docs/math.md §3.2, §4.3). */
    static String command(String verb, PotaptchikAdvisor.Advice a) {
        return "diffold " + verb + " --target product-subspace --k " + a.d() + " --dim " + a.dim()
                + " --scheme ddpm-posterior --grid " + a.grid().spec();
    }

    @Override
    public Integer call() {
        PotaptchikAdvisor.Advice a = new PotaptchikAdvisor(new ExactFactorCalculator(), Mixture1D.defaultFactor())
                .advise(k, dim, eps, delta, kappa);
        PrintWriter out = spec.commandLine().getOut();
        String error = command("error", a) + (common.seed() == CommonOptions.DEFAULT_SEED ? "" : " --seed " + common.seed());
        String sample = command("sample", a) + " --n 10000 --out runs/advised.npy";
        if (common.json()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(a.toMap());
            m.put("error_command", error);
            m.put("sample_command", sample);
            out.println(Json.writePretty(m));
        } else {
            for (String line : a.lines()) out.println(line);
            out.println("check:  " + error);
            out.println("sample: " + sample);
        }
        out.flush();
        return 0;
    }
}
