package org.diffold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.diffold.core.error.ExactTableBench;
import org.diffold.lab.bench.PropagationBenchmark;
import org.diffold.lab.bench.SamplerBenchmark;
import org.diffold.lab.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diffold bench}: speed measurements that print a ratio against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Speed benchmarks, each against a baseline measured in the same run.",
                "'sampler': simulated sampling with the exact gmm-subspace score against a",
                "streaming memory-bandwidth bound and its numpy twin (bench/sampler_numpy.py), both measured in the same run. 'exact-table': the exact table of",
                "'reproduce li-yan' on one thread, and the cost of the 1-D density propagation per grid size.",
                "'propagation': one ddpm-posterior density propagation (reproduce potaptchik's hot loop) at G = 512..8192."},
        footerHeading = "%nExamples:%n",
        footer = {"  diffold bench sampler --threads 1",
                  "  diffold bench sampler --n 512 --steps 200 --json",
                  "  diffold bench exact-table",
                  "  diffold bench propagation"})
public final class BenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "sampler, exact-table or propagation")
    String what;

    @Option(names = "--n", defaultValue = "4096", description = "samples (default: ${DEFAULT-VALUE})") int n;
    @Option(names = "--dim", defaultValue = "1024", description = "ambient dimension D (default: ${DEFAULT-VALUE})") int dim;
    @Option(names = "--k", defaultValue = "8", description = "intrinsic dimension k (default: ${DEFAULT-VALUE})") int k;
    @Option(names = "--components", defaultValue = "16", description = "mixture components (default: ${DEFAULT-VALUE})") int components;
    @Option(names = "--steps", defaultValue = "1000", description = "steps T (default: ${DEFAULT-VALUE})") int steps;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case "sampler" -> {
                Sizes.atLeast("--n", n, 1);
                Sizes.atLeast("--dim", dim, 1);
                Sizes.range("--k", k, 1, dim);
                Sizes.atLeast("--components", components, 1);
                Sizes.range("--steps", steps, 2, ProblemOptions.MAX_STEPS);
                Sizes.doubles("--n " + n + " samples of dimension " + dim, n, dim, 2, "--n or --dim");
                SamplerBenchmark.Result r = SamplerBenchmark.run(n, dim, k, components, steps, common.threads(), common.seed());
                out.println(common.json() ? Json.write(SamplerBenchmark.json(r)) : r.summary());
            }
            case "exact-table" -> ExactTableBench.main(new String[0]);
            case "propagation" -> PropagationBenchmark.lines(PropagationBenchmark.run(3)).forEach(out::println);
            default -> throw new UsageException("unknown benchmark '" + what + "'; valid: sampler, exact-table, propagation");
        }
        return 0;
    }
}
