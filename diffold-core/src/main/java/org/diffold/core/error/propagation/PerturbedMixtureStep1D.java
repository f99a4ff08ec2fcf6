package org.diffold.core.error.propagation;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.score.CoordinateField;
import org.diffold.core.target.Mixture1D;

/**
 * A {@link StepPlan} step on one coordinate of a product target whose score carries a coordinate-wise error h
 * (docs/math.md §4.3, §4.4): map(y) = a y + b (s(y) + h_t(y)), map'(y) = a + b (s'(y) + h'_t(y)), noise n, with s
 * the exact mixture score at the step's level. The propagator fails loudly if h makes the map non-monotone.
 */
public final class PerturbedMixtureStep1D extends EvaluatedStep1D {
    private final double a, b, n;
    private final MixtureScore1D score;
    private final CoordinateField field;
    private final NoiseLevel level;
    private final String label;

    /** The step with coefficients (a, b, n), the factor's score at {@code level} and the perturbation h. */
    public PerturbedMixtureStep1D(double a, double b, double n, Mixture1D factor, NoiseLevel level, CoordinateField field, String label) {
        this.a = a;
        this.b = b;
        this.n = n;
        this.score = new MixtureScore1D(factor, level);
        this.field = field;
        this.level = level;
        this.label = label;
    }

    /** The steps of the plan on one coordinate with target factor {@code factor} and score error h. */
    public static Step1D[] of(StepPlan plan, Mixture1D factor, CoordinateField field) {
        Step1D[] steps = new Step1D[plan.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new PerturbedMixtureStep1D(plan.a(i), plan.b(i), plan.noise(i), factor, plan.level(i), field, plan.label(i));
        }
        return steps;
    }

    @Override public double noiseStd() { return n; }

    @Override public String label() { return label; }

    @Override
    public void evaluate(double y, double[] out) {
        score.evaluate(y, out);
        double s = out[0] + field.value(level, y), ds = out[1] + field.derivative(level, y);
        out[0] = a * y + b * s;
        out[1] = a + b * ds;
    }
}
