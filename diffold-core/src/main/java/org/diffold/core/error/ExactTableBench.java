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

    /**
     * One timing of the whole table.
     *
     * @param run {@code cold} (first in this JVM) or {@code warm}
     * @param cells table cells
     * @param propagations 1-D density propagations
     * @param seconds wall time
     * @param pointSteps grid points x steps propagated
     * @param unconverged cells whose grid refinement did not converge
     */
    public record TableRun(String run, int cells, long propagations, double seconds, long pointSteps, long unconverged) {
        /** @return millions of grid point-steps per second */
        public double millionPointStepsPerSecond() {
            return pointSteps / seconds / 1e6;
        }
    }

    /**
     * Cost of the density propagation at one grid size.
     *
     * @param gridPoints grid points G
     * @param nsPerPointStep nanoseconds per grid point and step
     * @param ratioToG512 that cost over the cost at G = 512 measured in the same run
     */
    public record GridCost(int gridPoints, double nsPerPointStep, double ratioToG512) {}

    /**
     * The measurements.
     *
     * @param table a cold and a warm timing of the table
     * @param grid cost per point-step for G = 512..8192 (li-yan, T = 1000, default factor)
     */
    public record Result(List<TableRun> table, List<GridCost> grid) {}

    /**
     * Measures the table twice and the propagation cost per grid size.
     *
     * @param onStage called after each of the 2 + 5 stages with the number done, for a progress bar
     * @return the measurements
     */
    public static Result run(java.util.function.IntConsumer onStage) {
        return run(false, onStage);
    }

    /**
     * Measures the table (or, {@code quick}, a 1-row-of-T slice of it: T = 100, D in {10, 100, 1000}, 1000 TV
     * samples) twice and the propagation cost per grid size (quick: up to G = 2048).
     *
     * @param quick the smaller table, for smoke tests
     * @param onStage called after each stage with the number done (2 table timings, then one per grid size)
     * @return the measurements
     */
    public static Result run(boolean quick, java.util.function.IntConsumer onStage) {
        ExactErrorTable.Config full = ExactErrorTable.Config.liYan();
        ExactErrorTable.Config config = !quick ? full : new ExactErrorTable.Config(full.designs(), new int[] {100},
                new int[] {10, 100, 1000}, full.k(), full.c0(), full.c1(), full.lambda(), full.factor(), 1000, full.seed());
        List<TableRun> table = new java.util.ArrayList<>();
        int stage = 0;
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
            table.add(new TableRun(run, rows.size(), propagations, seconds, pointSteps, unconverged));
            onStage.accept(++stage);
        }
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(1000));
        Mixture1D factor = Mixture1D.defaultFactor();
        Step1D[] steps = MixtureStep1D.of(plan, factor);
        double halfWidth = PropagatedError1D.halfWidthFor(factor);
        double base = 0;
        List<GridCost> grid = new java.util.ArrayList<>();
        for (int g = 512; g <= (quick ? 2048 : 8192); g *= 2) {
            DensityPropagator1D prop = new DensityPropagator1D(g, halfWidth);
            prop.propagate(steps); // warm-up
            int reps = Math.max(1, 8192 / g);
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) prop.propagate(steps);
            double ns = (System.nanoTime() - t0) / (double) reps / g / steps.length;
            if (base == 0) base = ns;
            grid.add(new GridCost(g, ns, ns / base));
            onStage.accept(++stage);
        }
        return new Result(table, grid);
    }

    /**
     * Formats the measurements as text lines.
     *
     * @param r the measurements
     * @return one line per timing, then one per grid size
     */
    public static List<String> lines(Result r) {
        List<String> out = new java.util.ArrayList<>();
        for (TableRun t : r.table()) {
            out.add(String.format(java.util.Locale.ROOT, "%s table: %d cells, %d propagations, %.2f s; %.3e grid points x "
                    + "steps (%.1f M/s); unconverged cells: %d", t.run(), t.cells(), t.propagations(), t.seconds(),
                    (double) t.pointSteps(), t.millionPointStepsPerSecond(), t.unconverged()));
        }
        out.add("cost per grid point and step (li-yan, T=1000, default factor):");
        for (GridCost c : r.grid()) {
            out.add(String.format(java.util.Locale.ROOT, "  G=%5d: %6.1f ns per point-step (%.2fx of G=512)",
                    c.gridPoints(), c.nsPerPointStep(), c.ratioToG512()));
        }
        return out;
    }

    /** Prints the measurements. */
    public static void main(String[] args) {
        lines(run(stage -> { })).forEach(System.out::println);
    }
}
