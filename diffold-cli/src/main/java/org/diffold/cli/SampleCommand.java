package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.CsvMatrixWriter;
import org.diffold.core.data.NpyWriter;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.lab.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold sample}: runs a sampler with the target's exact score and writes the samples as .npy or CSV. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample with the exact score of a target and write the samples (.npy or .csv).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold sample --target gmm-subspace --k 8 --dim 256 --steps 500 --design li-yan --n 10000 --out samples.npy",
            "  diffold sample --target product-subspace --dim 50 --design classic --n 2000 --out s.csv --json",
            "Row i of the output depends only on --seed and i: any --threads gives the same bits."})
public final class SampleCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ProblemOptions problem;
    @Spec CommandSpec spec;

    @Option(names = "--n", paramLabel = "N", defaultValue = "10000", description = "number of samples (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "output file; .npy (NumPy float64) or .csv")
    Path out;

    @Option(names = "--denoise", description = "finish with the Tweedie denoiser m_1(Y) (spec/math.md §3.2)")
    boolean denoise;

    @Override
    public Integer call() throws IOException {
        if (n < 1) throw new UsageException("--n must be >= 1, got " + n);
        String file = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean csv = file.endsWith(".csv");
        if (!csv && !file.endsWith(".npy")) {
            throw new UsageException("--out must end in .npy or .csv, got " + out);
        }
        SubspaceTarget target = problem.target(common.seed());
        StepPlan plan = problem.plan();
        OutputPaths.checkWritable(out);
        HeapGuard.requireDoubles((long) n * target.dim(), "--n " + n + " samples of dimension " + target.dim());
        double[] samples = new double[n * target.dim()];
        long t0 = System.nanoTime();
        try (Progress bar = common.progress("sampling", n)) {
            new AffineSampler(plan, denoise).sample(target.score(), new RandomStreams(common.seed()), 0, n, samples,
                    common.threads(), bar::step);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (csv) {
            java.util.List<String> header = new java.util.ArrayList<>();
            for (int j = 0; j < target.dim(); j++) header.add("x" + j);
            CsvMatrixWriter.write(out, samples, n, target.dim(), header);
        } else {
            NpyWriter.write(out, samples, n, target.dim());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (common.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("n", n);
            m.put("dim", target.dim());
            m.put("k", target.intrinsicDim());
            m.put("target", problem.target);
            m.put("design", problem.design);
            m.put("schedule", problem.schedule().description());
            m.put("steps", problem.steps);
            m.put("seed", common.seed());
            m.put("seconds", seconds);
            w.println(Json.write(m));
        } else {
            w.printf("wrote %d samples of dimension %d to %s (%s, %.1f s)%n", n, target.dim(), out, plan.name(), seconds);
        }
        return 0;
    }
}
