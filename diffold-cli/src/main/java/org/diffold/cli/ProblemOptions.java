package org.diffold.cli;

import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Targets;
import picocli.CommandLine.Option;

/**
 * The problem a sampling command works on: target, dimensions, schedule and coefficient design
 * (mixed into {@code error} and {@code sample}). Parsing and validation live in core's registries.
 */
public final class ProblemOptions {
    @Option(names = "--target", paramLabel = "SPEC", defaultValue = "gaussian-subspace",
            description = "gaussian-subspace[:lambda=1], gmm-subspace[:components=16,lambda=0.1] or product-subspace "
                    + "(default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--k", paramLabel = "K", defaultValue = "8", description = "intrinsic dimension k, 1 <= k <= D (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "100", description = "ambient dimension D (default: ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "1000", description = "number of steps T >= 2 (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--design", paramLabel = "NAME", defaultValue = "li-yan",
            description = "coefficient design: li-yan, classic, ho-large, ddim, ddim-eta[:eta] (default: ${DEFAULT-VALUE})")
    String design;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "li-yan",
            description = "li-yan[:c0=2,c1=4], linear[:start=1e-4,end=0.02], cosine[:s=0.008] or betas:b1,...,bT "
                    + "(default: ${DEFAULT-VALUE})")
    String schedule;

    /** Builds the target; the subspace is seeded by {@code seed}. */
    public SubspaceTarget target(long seed) {
        return Targets.parse(target, dim, k, seed);
    }

    /** The noise schedule with T = --steps. */
    public NoiseSchedule schedule() {
        return Schedules.parse(schedule, steps);
    }

    /** The coefficient design. */
    public CoefficientDesign design() {
        return Designs.parse(design);
    }

    /** The step plan of the design on the schedule. */
    public StepPlan plan() {
        return design().plan(schedule());
    }
}
