package org.diffold.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.error.ExactTableBench;
import org.diffold.lab.bench.PropagationBenchmark;
import org.diffold.lab.bench.SamplerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diffold bench}: speed measurements that print a ratio against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Speed benchmarks, each against a baseline measured in the same run.",
                "'sampler': simulated sampling with the exact gmm-subspace score against a streaming memory-bandwidth bound "
                        + "and its numpy twin (bench/sampler_numpy.py), both measured in the same run.",
                "'exact-table': the exact table of 'reproduce li-yan' on one thread, and the cost of the 1-D density "
                        + "propagation per grid size.",
                "'propagation': one ddpm-posterior density propagation (reproduce potaptchik's hot loop) at G = 512..8192."},
        footerHeading = "%nExamples:%n",
        footer = {"  diffold bench sampler --threads 1",
                  "  diffold bench sampler --n 512 --steps 200 --json",
                  "  diffold bench exact-table",
                  "  diffold bench propagation",
                  "  diffold bench exact-table --quick --json"})
public final class BenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "sampler, exact-table or propagation")
    String what;

    @Option(names = "--n", paramLabel = "N", defaultValue = "4096", description = "samples, for 'sampler' (default: ${DEFAULT-VALUE})") int n;
    @Option(names = "--dim", paramLabel = "D", defaultValue = "1024", description = "ambient dimension D (default: ${DEFAULT-VALUE})") int dim;
    @Option(names = "--k", paramLabel = "K", defaultValue = "8", description = "intrinsic dimension k (default: ${DEFAULT-VALUE})") int k;
    @Option(names = "--components", paramLabel = "COMPONENTS", defaultValue = "16", description = "mixture components (default: ${DEFAULT-VALUE})") int components;
    @Option(names = "--steps", paramLabel = "T", defaultValue = "1000", description = "steps T (default: ${DEFAULT-VALUE})") int steps;

    @Option(names = "--quick", description = "exact-table: T = 100 and D in {10, 100, 1000} only, G up to 2048; "
            + "propagation: one repetition (smoke tests; the ratios are noisier)")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        if (!List.of("sampler", "exact-table", "propagation").contains(what)) {
            throw new UsageException("unknown benchmark '" + what + "'; valid: sampler, exact-table, propagation");
        }
        if (what.equals("sampler")) {
            Sizes.atLeast("--n", n, 1);
            Sizes.atLeast("--dim", dim, 1);
            Sizes.range("--k", k, 1, dim);
            Sizes.atLeast("--components", components, 1);
            Sizes.range("--steps", steps, 2, ProblemOptions.MAX_STEPS);
            Sizes.doubles("--n " + n + " samples of dimension " + dim, n, dim, 2, "--n or --dim");
        }
        PrintWriter out = spec.commandLine().getOut();
        return RecordedRun.record(common, "bench-" + what, run -> {
            Object result;
            List<String> lines;
            switch (what) {
                case "sampler" -> {
                    SamplerBenchmark.Result r;
                    try (Progress bar = common.progress("bench sampler", n)) {
                        r = SamplerBenchmark.run(n, dim, k, components, steps, common.threads(), common.seed(), true,
                                bar::step);
                    }
                    result = SamplerBenchmark.json(r);
                    lines = List.of(r.summary());
                }
                case "exact-table" -> {
                    ExactTableBench.Result r;
                    try (Progress bar = common.progress("bench exact-table", quick ? 5 : 7)) {
                        r = ExactTableBench.run(quick, done -> bar.step());
                    }
                    result = r;
                    lines = ExactTableBench.lines(r);
                }
                default -> {
                    List<PropagationBenchmark.Row> rows;
                    try (Progress bar = common.progress("bench propagation", 1)) {
                        rows = PropagationBenchmark.run(quick ? 1 : 3);
                        bar.step();
                    }
                    result = Map.of("rows", rows);
                    lines = PropagationBenchmark.lines(rows);
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("benchmark", what);
            json.put("run_id", run.id());
            json.put("result", result);
            run.finish(null, json);
            if (common.json()) {
                JsonOutput.print(out, json);
            } else {
                lines.forEach(out::println);
            }
            return 0;
        });
    }
}
