package org.diffold.core.error.propagation;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.Mixture1D;

/**
 * One step Y' = a Y + b s(Y) + n Z of a {@link StepPlan} on one coordinate of a product target with factor
 * {@link Mixture1D} (docs/math.md §4.3): map(y) = a y + b s(y), map'(y) = a + b s'(y), s the exact mixture score at
 * the step's level. Works for discrete and continuous-time plans alike.
 */
public final class MixtureStep1D implements Step1D {
    private final double a, b, n;
    private final MixtureScore1D score;
    private final String label;

    /** The step with coefficients (a, b, n) and the factor's score at {@code level}. */
    public MixtureStep1D(double a, double b, double n, Mixture1D factor, NoiseLevel level, String label) {
        this.a = a;
        this.b = b;
        this.n = n;
        this.score = new MixtureScore1D(factor, level);
        this.label = label;
    }

    /** The steps of the plan acting on one coordinate whose target factor is {@code factor}. */
    public static Step1D[] of(StepPlan plan, Mixture1D factor) {
        Step1D[] steps = new Step1D[plan.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new MixtureStep1D(plan.a(i), plan.b(i), plan.noise(i), factor, plan.level(i), plan.label(i));
        }
        return steps;
    }

    @Override public double map(double y) { return a * y + b * score.score(y); }

    @Override public double mapDerivative(double y) { return a + b * score.scoreDerivative(y); }

    @Override public double noiseStd() { return n; }

    @Override public String label() { return label; }

    @Override
    public void evaluate(double y, double[] out) {
        score.evaluate(y, out);
        double s = out[0], ds = out[1];
        out[0] = a * y + b * s;
        out[1] = a + b * ds;
    }
}
