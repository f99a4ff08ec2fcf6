package org.diffold.core.error;

import org.diffold.core.error.propagation.DensityPropagator1D;
import org.diffold.core.error.propagation.MixtureStep1D;
import org.diffold.core.error.propagation.PropagatedError1D;
import org.diffold.core.error.propagation.Step1D;

import java.util.List;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.target.Mixture1D;

/**
 * Benchmark of the exact-error table of {@code reproduce li-yan} ({@link ExactErrorTable.Config#liYan()}), single
 * threaded: wall time of a cold and a warm run, grid points x steps per second of the density propagation, and the
 * cost per point-step as the grid grows, as a ratio to the smallest grid measured in the same run.
 * Run: {@code java -cp <core classes and hipparchus-core> org.diffold.core.error.ExactTableBench}. Not run by tests.
 */
public final class ExactTableBench {
    private ExactTableBench() {}

    /** Prints the measurements. */
    public static void main(String[] args) {
        ExactErrorTable.Config config = ExactErrorTable.Config.liYan();
        for (String run : new String[] {"cold", "warm"}) {
            long t0 = System.nanoTime();
            List<ExactErrorTable.Row> rows = ExactErrorTable.compute(config);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            long pointSteps = 0, propagations = 0;
            for (ExactErrorTable.Row r : rows) {
                if (r.refinement() != null && r.dim() == config.dims()[0]) {
                    propagations++;
                    for (int g : r.refinement().gridSizes()) pointSteps += (long) g * (r.steps() - 1);
                }
            }
            long unconverged = rows.stream().filter(r -> !r.converged()).count();
            System.out.printf("%s table: %d cells, %d propagations, %.2f s; %.3e grid points x steps (%.1f M/s); "
                    + "unconverged cells: %d%n", run, rows.size(), propagations, seconds, (double) pointSteps,
                    pointSteps / seconds / 1e6, unconverged);
        }
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(1000));
        Mixture1D factor = Mixture1D.defaultFactor();
        Step1D[] steps = MixtureStep1D.of(plan, factor);
        double halfWidth = PropagatedError1D.halfWidthFor(factor);
        double base = 0;
        System.out.println("cost per grid point and step (li-yan, T=1000, default factor):");
        for (int g = 512; g <= 8192; g *= 2) {
            DensityPropagator1D prop = new DensityPropagator1D(g, halfWidth);
            prop.propagate(steps); // warm-up
            int reps = Math.max(1, 8192 / g);
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) prop.propagate(steps);
            double ns = (System.nanoTime() - t0) / (double) reps / g / steps.length;
            if (base == 0) base = ns;
            System.out.printf("  G=%5d: %6.1f ns per point-step (%.2fx of G=512)%n", g, ns, ns / base);
        }
    }
}
