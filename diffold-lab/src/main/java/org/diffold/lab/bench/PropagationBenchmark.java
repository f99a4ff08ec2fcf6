package org.diffold.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.diffold.core.error.propagation.DensityPropagator1D;
import org.diffold.core.error.propagation.MixtureStep1D;
import org.diffold.core.error.propagation.PropagatedError1D;
import org.diffold.core.error.propagation.Step1D;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.sampler.DdpmPosteriorScheme;
import org.diffold.core.target.Mixture1D;

/**
 * The hot loop of the continuous-time reproduction: 1-D density propagation ({@link DensityPropagator1D}) of one
 * {@code ddpm-posterior} plan (kappa = 0.05, T = 6, delta = 1e-3) on the default factor, timed at grid sizes
 * 512..8192. Reports grid-point-steps per second and the time relative to the 512-point baseline measured in the
 * same run. Not run by tests; {@code main} prints the table.
 */
public final class PropagationBenchmark {
    /** Grid sizes measured; the first is the baseline. */
    public static final int[] SIZES = {512, 1024, 2048, 4096, 8192};

    /**
     * One measured grid size.
     *
     * @param gridPoints G
     * @param steps K
     * @param seconds best of the repetitions
     * @param pointStepsPerSecond G K / seconds
     * @param ratioToBaseline seconds / seconds at the first size
     */
    public record Row(int gridPoints, int steps, double seconds, double pointStepsPerSecond, double ratioToBaseline) {}

    private PropagationBenchmark() {}

    /** Measures every size (best of {@code repetitions}, after one warm-up at the baseline size). */
    public static List<Row> run(int repetitions) {
        Mixture1D pi = Mixture1D.defaultFactor();
        Step1D[] steps = MixtureStep1D.of(new DdpmPosteriorScheme().plan(PotaptchikGrid.forHorizon(0.05, 6, 1e-3).grid()), pi);
        double hw = PropagatedError1D.halfWidthFor(pi);
        new DensityPropagator1D(SIZES[0], hw).propagate(steps);
        List<Row> rows = new ArrayList<>();
        double base = 0;
        for (int g : SIZES) {
            DensityPropagator1D prop = new DensityPropagator1D(g, hw);
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < Math.max(1, repetitions); r++) {
                long t0 = System.nanoTime();
                prop.propagate(steps);
                best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
            }
            if (rows.isEmpty()) base = best;
            rows.add(new Row(g, steps.length, best, (double) g * steps.length / best, best / base));
        }
        return rows;
    }

    /** Printable table. */
    public static List<String> lines(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%8s %6s %10s %16s %14s", "grid G", "K", "seconds", "G*K per second", "time / G=512"));
        for (Row r : rows) {
            out.add(String.format(Locale.ROOT, "%8d %6d %10.4f %16.3e %14.2f", r.gridPoints(), r.steps(), r.seconds(), r.pointStepsPerSecond(), r.ratioToBaseline()));
        }
        return out;
    }

    /** Prints the table. */
    public static void main(String[] args) {
        for (String line : lines(run(3))) System.out.println(line);
    }
}
