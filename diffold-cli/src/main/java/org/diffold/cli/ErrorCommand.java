package org.diffold.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.lab.experiment.common.ExactErrors;
import org.diffold.lab.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold error}: the exact KL, TV and Hellinger distance of a sampler with the exact score (docs/math.md §4). */
@Command(name = "error", mixinStandardHelpOptions = true,
        description = "Exact KL, TV and Hellinger with the exact score: a discrete --design against X_1, a practitioners' --sampler "
                + "on --sigmas against the law at its last sigma, or a continuous-time --scheme on a --grid against X_delta.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold error --target gaussian-subspace --k 8 --dim 100 --steps 1000 --design li-yan --json",
            "  diffold error --target product-subspace --k 8 --dim 1000 --steps 200 --design classic --schedule li-yan:c0=2,c1=4",
            "  diffold error --target gaussian-subspace --k 8 --dim 1000 --sampler dpmpp-2m --sigmas karras:rho=7,final=none --steps 20 --json",
            "  diffold error --target product-subspace --k 8 --dim 1000 --scheme ddpm-posterior --grid potaptchik:kappa=0.1,L=50,M=70",
            "Exact calculators exist for gaussian-subspace and product-subspace; sample gmm-subspace with 'diffold sample'."})
public final class ErrorCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ProblemOptions problem;
    @Mixin SamplerOptions samplers;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        SamplerOptions.Kind kind = samplers.kind(spec.commandLine().getParseResult());
        SubspaceTarget target = problem.target(common.seed());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", problem.target);
        m.put("k", target.intrinsicDim());
        m.put("dim", target.dim());
        if (kind == SamplerOptions.Kind.DESIGN) {
            m.put("steps", problem.steps);
            m.put("design", problem.design().name());
            m.put("schedule", problem.schedule().description());
            Map<String, Object> e = ExactErrors.of(target, problem.design(), problem.schedule(), common.seed());
            for (Map.Entry<String, Object> x : e.entrySet()) {
                m.put(x.getKey(), x.getValue());
                if (x.getKey().equals("kl_perp")) {
                    m.put("kl_perp_per_coordinate", target.dim() > target.intrinsicDim() ? (Double) x.getValue() / (target.dim() - target.intrinsicDim()) : 0.0);
                }
            }
        } else {
            m.putAll(samplers.describe(kind, problem.steps));
            m.putAll(samplers.exactErrors(kind, target, problem.steps, common.seed()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            out.println(Json.write(m));
        } else {
            m.forEach((key, v) -> out.printf("%-10s %s%n", key, v));
        }
        return 0;
    }
}
