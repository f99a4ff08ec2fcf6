package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.diffold.core.data.CsvMatrixWriter;
import org.diffold.core.data.NpyWriter;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.score.Score;
import org.diffold.core.target.Targets;
import org.diffold.nn.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diffold sample}: samples with a trained score network ({@code --model}) or a target's exact score
 * ({@code --target}), any design and schedule, written as .npy (or .csv).
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate samples with a trained score network (EMA weights) or a target's exact score.",
        footerHeading = "%nExamples:%n",
        footer = {"  diffold sample --model model/ --design li-yan --steps 500 --n 5000 --out samples.npy",
                  "  diffold sample --target gmm-subspace --k 8 --dim 256 --steps 500 --n 10000 --out samples.npy"})
final class SampleCommand implements Callable<Integer> {
    @Mixin private CommonOptions common;
    @Mixin private NnOptions nn;
    @Spec private CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder or checkpoint file (learned score)") private Path model;
    @Option(names = "--target", paramLabel = "SPEC", description = "target spec (exact score), instead of --model") private String target;
    @Option(names = "--k", description = "intrinsic dimension for --target (default: ${DEFAULT-VALUE})") private int k = 8;
    @Option(names = "--dim", paramLabel = "D", description = "ambient dimension for --target") private Integer dim;
    @Option(names = "--design", description = "li-yan, classic, ho-large, ddim, ddim-eta[:eta] (default: ${DEFAULT-VALUE})")
    private String design = "li-yan";
    @Option(names = "--schedule", description = "noise schedule spec (default: ${DEFAULT-VALUE})") private String schedule = "li-yan";
    @Option(names = "--steps", paramLabel = "T", description = "schedule steps T (default: ${DEFAULT-VALUE})") private int steps = 500;
    @Option(names = "--n", description = "number of samples (default: ${DEFAULT-VALUE})") private int n = 5000;
    @Option(names = "--final-denoise", description = "finish with the Tweedie denoiser at the output level") private boolean finalDenoise;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .npy (n x D float64) or .csv") private Path out;

    @Override
    public Integer call() throws Exception {
        if (n < 1) throw new UsageException("--n must be >= 1, got " + n);
        if ((model == null) == (target == null)) throw new UsageException("give exactly one of --model (learned score) or --target (exact score)");
        if (target != null && dim == null) throw new UsageException("--target needs --dim");
        StepPlan plan = Designs.parse(design).plan(Schedules.parse(schedule, steps));
        OutputPaths.checkWritable(out);
        if (target != null) {
            run(Targets.parse(target, dim, k, common.seed()).score(), plan);
            return 0;
        }
        try (TrainedModel m = TrainedModel.load(model, nn.device())) {
            run(m.score(), plan);
        }
        return 0;
    }

    private void run(Score score, StepPlan plan) throws java.io.IOException {
        int d = score.dim();
        HeapGuard.requireDoubles((long) n * d, "the samples (" + n + " x " + d + ")");
        double[] y = new double[n * d];
        long t0 = System.nanoTime();
        try (Progress bar = common.progress("sample", n)) {
            new AffineSampler(plan, finalDenoise).sample(score, new RandomStreams(common.seed()), 0, n, y, common.threads(), bar::step);
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        if (out.toString().endsWith(".csv")) CsvMatrixWriter.write(out, y, n, d, java.util.List.of());
        else NpyWriter.write(out, y, n, d);
        PrintWriter o = spec.commandLine().getOut();
        if (common.json()) {
            o.printf(Locale.ROOT, "{\"n\": %d, \"dim\": %d, \"plan\": \"%s\", \"seconds\": %.3f, \"out\": \"%s\"}%n", n, d, plan.name(),
                    secs, out.toString().replace("\\", "/"));
        } else {
            o.printf(Locale.ROOT, "%d samples of D=%d with %s in %.2f s -> %s%n", n, d, plan.name(), secs, out);
        }
    }
}
