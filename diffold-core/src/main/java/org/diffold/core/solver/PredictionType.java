package org.diffold.core.solver;

import java.util.List;
import java.util.Locale;

/**
 * What a learned network predicts, and its conversion to the denoiser output x_0-hat that every solver consumes
 * (docs/math.md §3.3; diffusers' prediction_type). In the variance-preserving view x = sqrt(abar) x_0 + sqrt(1 - abar) eps,
 * with a = sqrt(abar), b = sqrt(1 - abar) and model output m:
 * {@code epsilon}: x_0 = (x - b m) / a; {@code sample}: x_0 = m; {@code v_prediction}: x_0 = a x - b m, where
 * v = a eps - b x_0. {@link #fromDenoised} is the inverse, so a model of any type can wrap an exact denoiser.
 */
public enum PredictionType {
    EPSILON, SAMPLE, V_PREDICTION;

    /** Valid names (diffusers spellings; {@code eps}, {@code x0} and {@code v} also accepted). */
    public static final List<String> NAMES = List.of("epsilon", "sample", "v_prediction");

    /** Parses a name. */
    public static PredictionType parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "epsilon", "eps" -> EPSILON;
            case "sample", "x0", "x_0" -> SAMPLE;
            case "v_prediction", "v" -> V_PREDICTION;
            default -> throw new IllegalArgumentException("unknown prediction type '" + name + "'; valid: " + String.join(", ", NAMES));
        };
    }

    /** x_0-hat from the model output m at the VP point x with abar in (0, 1]. */
    public double toDenoised(double x, double m, double alphaBar) {
        double a = Math.sqrt(alphaBar), b = Math.sqrt(1 - alphaBar);
        return switch (this) {
            case EPSILON -> (x - b * m) / a;
            case SAMPLE -> m;
            case V_PREDICTION -> a * x - b * m;
        };
    }

    /** The model output a perfect model of this type gives for denoiser output x0 at the VP point x. */
    public double fromDenoised(double x, double x0, double alphaBar) {
        double a = Math.sqrt(alphaBar), b = Math.sqrt(1 - alphaBar);
        return switch (this) {
            case EPSILON -> (x - a * x0) / b;
            case SAMPLE -> x0;
            case V_PREDICTION -> (a * x - x0) / b;
        };
    }
}
