package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Targets;
import org.diffold.nn.eval.ComplementKl;
import org.diffold.core.metrics.SampleDistances;
import org.diffold.nn.eval.ScoreError;
import org.diffold.nn.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diffold evaluate}: eps_score^2 of a trained network against a known target's exact score (docs/math.md §4.4)
 * and the error of a sampler run with it: complement-block KL and TV (docs/math.md §4.1, §4.2), sliced Wasserstein
 * and MMD^2 against fresh samples of X_1.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score error and sampler error of a trained network against a known target.",
        footerHeading = "%nExample:%n",
        footer = "  diffold evaluate --model model/ --target gmm-subspace:k=8 --design li-yan --steps 100 --n 2000")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin private CommonOptions common;
    @Mixin private NnOptions nn;
    @Spec private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model folder or checkpoint file") private Path model;
    @Option(names = "--target", paramLabel = "SPEC", description = "target spec (default: the training data's spec, k and seed)")
    private String target;
    @Option(names = "--target-seed", paramLabel = "SEED", description = "seed of the target's subspace and means (default: the training seed)")
    private Long targetSeed;
    @Option(names = "--design", description = "sampler design (default: ${DEFAULT-VALUE})") private String design = "li-yan";
    @Option(names = "--schedule", description = "schedule spec (default: ${DEFAULT-VALUE})") private String schedule = "li-yan";
    @Option(names = "--steps", paramLabel = "T", description = "schedule steps T (default: ${DEFAULT-VALUE})") private int steps = 100;
    @Option(names = "--n", description = "generated samples (default: ${DEFAULT-VALUE})") private int n = 2000;
    @Option(names = "--error-samples", description = "samples per level for eps_score^2 (default: ${DEFAULT-VALUE})") private int errorSamples = 64;

    @Override
    public Integer call() throws Exception {
        Sizes.atLeast("--n", n, 2);
        Sizes.atLeast("--error-samples", errorSamples, 1);
        Sizes.range("--steps", steps, 2, ProblemOptions.MAX_STEPS);
        InputPaths.model("--model", model, TrainedModel.FILE);
        NoiseSchedule sched = Schedules.parse(schedule, steps);
        StepPlan plan = Designs.parse(design).plan(sched);
        return RecordedRun.record(common, "evaluate", run -> evaluate(run, sched, plan));
    }

    private int evaluate(RecordedRun run, NoiseSchedule sched, StepPlan plan) throws Exception {
        try (TrainedModel m = TrainedModel.load(model, nn.device())) {
            int d = m.spec().dim();
            Map<String, String> meta = m.checkpoint().meta();
            String spec0 = target != null ? target : meta.get("prov.data.spec");
            if (spec0 == null) throw new UsageException("the model does not record its data; pass --target");
            int k = Integer.parseInt(meta.getOrDefault("prov.data.k", "8"));
            long seed = targetSeed != null ? targetSeed : Long.parseLong(meta.getOrDefault("prov.data.seed", Long.toString(common.seed())));
            SubspaceTarget t = Targets.parse(spec0, d, k, seed);
            Sizes.doubles("the samples (--n " + n + " x dimension " + d + ")", n, d, 3, "--n");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("target", spec0 + " (D=" + d + ", seed " + seed + ")");
            ScoreError.Estimate e = ScoreError.liYan(t, m.score(), sched, steps, errorSamples, common.seed());
            r.put("epsScore2", e.mean());
            r.put("epsScore2StdErr", e.standardError());
            r.put("noiseError", e.noiseSpace());
            RandomStreams root = new RandomStreams(common.seed());
            double[] y = new double[n * d], ref = new double[n * d];
            try (Progress bar = common.progress("evaluate", n)) {
                new AffineSampler(plan, false).sample(m.score(), root.child("sample"), 0, n, y, common.threads(), bar::step);
            }
            t.sampleNoised(plan.outputLevel(), root.child("reference"), 0, n, ref);
            ComplementKl kl = ComplementKl.estimate(t.subspace(), plan.outputLevel().sigma2(), y, n);
            r.put("plan", plan.name());
            r.put("klPerpIso", kl.iso());
            r.put("klPerpCov", kl.cov());
            r.put("tvPerpIso", kl.tvIso());
            r.put("perpVarianceRatio", kl.variance());
            r.put("slicedWasserstein", SampleDistances.slicedWasserstein(y, n, ref, n, d, 200, common.seed()));
            r.put("mmd2", SampleDistances.mmd2(y, n, ref, n, d, 1000));
            r.put("run_id", run.id());
            run.finish(null, r);
            print(r);
        }
        return 0;
    }

    private void print(Map<String, Object> r) {
        PrintWriter o = spec.commandLine().getOut();
        if (common.json()) {
            JsonOutput.print(o, r);
        } else {
            for (Map.Entry<String, Object> e : r.entrySet()) {
                Object v = e.getValue();
                o.printf(Locale.ROOT, "%-18s %s%n", e.getKey(), v instanceof Double x ? (Double.isFinite(x) ? String.format(Locale.ROOT, "%.5g", x)
                        : "n/a (needs n > D - k + 2)") : v);
            }
        }
    }
}
