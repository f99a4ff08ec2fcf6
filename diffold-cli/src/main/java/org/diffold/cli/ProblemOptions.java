package org.diffold.cli;

import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.schedule.Schedules;
import java.util.List;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.manifold.Manifolds;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Target;
import org.diffold.core.target.Targets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The problem a sampling command works on: target, dimensions, schedule and coefficient design
 * (mixed into {@code error} and {@code sample}). Parsing and validation live in core's registries.
 */
public final class ProblemOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--target", paramLabel = "SPEC", defaultValue = "gaussian-subspace",
            description = "gaussian-subspace[:lambda=1], gmm-subspace[:components=16,lambda=0.1], product-subspace; "
                    + "for sampling also circle, helix, torus, sphere[:d=2] (default: ${DEFAULT-VALUE})")
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
        checkDims(true);
        return Targets.parse(target, dim, k, seed);
    }

    /** --dim (and --k for subspace targets) in range, and a D x k basis that fits the heap. */
    private void checkDims(boolean withK) {
        Sizes.atLeast("--dim", dim, 1);
        if (withK && !target.contains("k=")) Sizes.range("--k", k, 1, dim);
        Sizes.doubles("--dim " + dim, dim, withK ? Math.max(1, Math.min(k, dim)) : 3, 2, "--dim");
    }

    /** Names of curved targets with exact scores by quadrature or von Mises–Fisher (see {@link Manifolds}). */
    public static final List<String> CURVED = List.of("circle", "helix", "torus", "sphere");

    /**
     * Any target with an exact score: a subspace target, or a curved one ({@link #CURVED}) placed in R^D by a random
     * orthonormal map; their dimension is fixed by the spec, so an explicit {@code --k} other than it is refused.
     */
    public Target anyTarget(long seed) {
        String name = target.contains(":") ? target.substring(0, target.indexOf(':')) : target;
        if (!CURVED.contains(name)) return target(seed);
        checkDims(false);
        DataManifold m = Manifolds.parse(target, dim, seed);
        if (m instanceof Target t) {
            boolean kGiven = mixee != null && mixee.commandLine() != null && mixee.commandLine().getParseResult() != null
                    && mixee.commandLine().getParseResult().hasMatchedOption("--k");
            if (kGiven && k != t.intrinsicDim()) {
                throw new UsageException("--k " + k + " does not apply to --target " + target + ": its intrinsic dimension is "
                        + t.intrinsicDim() + ", fixed by the spec; omit --k or pass --k " + t.intrinsicDim());
            }
            return t;
        }
        throw new UsageException("--target " + name + " has no exact score; valid: "
                + String.join(", ", Targets.NAMES) + ", " + String.join(", ", CURVED));
    }

    /** Largest --steps: schedules, step plans and the exact recursions hold a few arrays of T values. */
    public static final int MAX_STEPS = 10_000_000;

    /** The noise schedule with T = --steps (range and heap checked first). */
    public NoiseSchedule schedule() {
        Sizes.range("--steps", steps, 2, MAX_STEPS);
        Sizes.doubles("--steps " + steps, steps, 32, 1, "--steps");
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
