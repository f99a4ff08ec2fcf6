package org.diffold.core.error.propagation;

import org.diffold.core.grid.TimeGrid;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.AffineScheme;
import org.diffold.core.target.Mixture1D;

/**
 * One {@code pf-ode-heun} step on one coordinate of a product target (docs/math.md §3.2, §4.3), as a deterministic
 * {@link Step1D}: with f_t(y) = y + s_t(y) and the exact mixture scores at the step's two levels,
 * ytilde = y + gamma f_{t'}(y), map(y) = y + (gamma / 2) [f_{t'}(y) + f_t(ytilde)],
 * map'(y) = 1 + (gamma / 2) [f'_{t'}(y) + f'_t(ytilde) ytilde'(y)], ytilde' = 1 + gamma f'_{t'}(y), noise 0.
 * Same arithmetic as {@link org.diffold.core.sampler.HeunSampler}.
 */
public final class HeunStep1D extends EvaluatedStep1D {
    private final double gamma;
    private final MixtureScore1D start, end;
    private final String label;

    /** The step from forward time t' (level {@code from}) to t (level {@code to}) with size gamma = t' - t. */
    public HeunStep1D(double gamma, Mixture1D factor, NoiseLevel from, NoiseLevel to, String label) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        this.gamma = gamma;
        this.start = new MixtureScore1D(factor, from);
        this.end = new MixtureScore1D(factor, to);
        this.label = label;
    }

    /** The K steps of Heun on the grid acting on one coordinate whose target factor is {@code factor}. */
    public static Step1D[] of(TimeGrid grid, Mixture1D factor) {
        Step1D[] steps = new Step1D[grid.steps()];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = new HeunStep1D(grid.gamma(k), factor, grid.level(k), grid.level(k + 1), AffineScheme.label(k, grid.forwardTime(k)));
        }
        return steps;
    }

    @Override public double noiseStd() { return 0; }

    @Override public String label() { return label; }

    @Override
    public void evaluate(double y, double[] out) {
        start.evaluate(y, out);
        double f1 = y + out[0], df1 = 1 + out[1];
        double yt = y + gamma * f1, dyt = 1 + gamma * df1;
        end.evaluate(yt, out);
        double f2 = yt + out[0], df2 = (1 + out[1]) * dyt;
        double half = 0.5 * gamma;
        out[0] = y + half * (f1 + f2);
        out[1] = 1 + half * (df1 + df2);
    }
}
