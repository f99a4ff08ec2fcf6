package org.diffold.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.lab.experiment.ExactErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold error}: the exact KL, TV and Hellinger distance of a sampler with the exact score (docs/math.md §4). */
@Command(name = "error", mixinStandardHelpOptions = true,
        description = "Exact KL, TV and Hellinger of DDPM with the exact score against the true law of X_1.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold error --target gaussian-subspace --k 8 --dim 100 --steps 1000 --design li-yan --json",
            "  diffold error --target product-subspace --k 8 --dim 1000 --steps 200 --design classic --schedule li-yan:c0=2,c1=4",
            "Exact calculators exist for gaussian-subspace and product-subspace; sample gmm-subspace with 'diffold sample'."})
public final class ErrorCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ProblemOptions problem;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SubspaceTarget target = problem.target(common.seed());
        return RecordedRun.record(common, "error", run -> print(target, run));
    }

    private int print(SubspaceTarget target, RecordedRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", problem.target);
        m.put("k", target.intrinsicDim());
        m.put("dim", target.dim());
        m.put("steps", problem.steps);
        m.put("design", problem.design().name());
        m.put("schedule", problem.schedule().description());
        m.putAll(ExactErrors.of(target, problem.design(), problem.schedule(), common.seed()));
        m.put("run_id", run.id());
        run.finish(null, m);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            JsonOutput.print(out, m);
        } else {
            m.forEach((key, v) -> out.printf("%-10s %s%n", key, v));
        }
        return 0;
    }
}
