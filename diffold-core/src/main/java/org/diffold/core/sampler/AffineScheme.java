package org.diffold.core.sampler;

import java.util.Locale;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.process.NoiseLevel;

/**
 * A continuous-time scheme whose step from forward time t' to t = t' - gamma is affine in Y and the score,
 * Y &lt;- a Y + b s_{t'}(Y) + n Z (docs/math.md §3.2). It becomes a {@link StepPlan} with score levels
 * {@link NoiseLevel#ofOuTime}(t'), so {@link AffineSampler} runs it and the exact error calculators apply.
 */
public interface AffineScheme extends ContinuousScheme {
    /** a for the step from forward time {@code tPrime} with size {@code gamma} (0 &lt; gamma &lt; tPrime). */
    double a(double tPrime, double gamma);

    /** b, the multiplier of the score s_{t'}. */
    double b(double tPrime, double gamma);

    /** n^2 &gt;= 0, the variance of the added noise. */
    double noiseVariance(double tPrime, double gamma);

    /** The step plan on the grid: step k uses t' = s_k, gamma = gamma_k; the output level is delta. */
    default StepPlan plan(TimeGrid grid) {
        int steps = grid.steps();
        double[] a = new double[steps], b = new double[steps], n = new double[steps];
        NoiseLevel[] levels = new NoiseLevel[steps];
        String[] labels = new String[steps];
        for (int k = 0; k < steps; k++) {
            double tp = grid.forwardTime(k), g = grid.gamma(k);
            double n2 = noiseVariance(tp, g);
            if (!(n2 >= 0)) {
                throw new IllegalArgumentException("scheme " + name() + " gives noise variance " + n2 + " < 0 at step " + k + " (t'=" + tp + ")");
            }
            a[k] = a(tp, g);
            b[k] = b(tp, g);
            n[k] = Math.sqrt(n2);
            levels[k] = NoiseLevel.ofOuTime(tp);
            labels[k] = label(k, tp);
        }
        return new StepPlan(name() + " on " + grid, a, b, n, levels, labels, grid.outputLevel());
    }

    @Override
    default Sampler sampler(TimeGrid grid, boolean finalDenoise) {
        return new AffineSampler(plan(grid), finalDenoise);
    }

    /** Printable step label {@code k=3 t'=2.31}. */
    static String label(int k, double tPrime) {
        return String.format(Locale.ROOT, "k=%d t'=%.6g", k, tPrime);
    }
}
