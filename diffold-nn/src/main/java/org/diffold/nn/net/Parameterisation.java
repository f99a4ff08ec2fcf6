package org.diffold.nn.net;

import java.util.List;
import java.util.Locale;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Tweedie;

/**
 * What a score network predicts at a noisy point x = c x_0 + sigma eps (spec/math.md §1.1, §1.2):
 * {@code epsilon} (the noise eps), {@code x0} (the denoiser m(x) = E[x_0 | x]) or {@code score} (s(x) itself).
 * Every conversion between a network output and a score goes through {@link Tweedie}, and this is the only class
 * in the module that converts: s = -eps / sigma, s = (c m - x) / sigma^2.
 */
public enum Parameterisation {
    /** The network predicts the noise eps; s = -eps / sigma. */
    EPSILON("epsilon"),
    /** The network predicts the clean point x_0; s = (c x0 - x) / sigma^2. */
    X0("x0"),
    /** The network predicts the score directly. */
    SCORE("score");

    /** Valid CLI names. */
    public static final List<String> NAMES = List.of("epsilon", "x0", "score");
    private final String cliName;

    Parameterisation(String cliName) { this.cliName = cliName; }

    /** CLI name. */
    public String cliName() { return cliName; }

    /** Parses a CLI name ({@code eps} is accepted for epsilon); one-line error listing the valid names. */
    public static Parameterisation parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "epsilon": case "eps": return EPSILON;
            case "x0": return X0;
            case "score": return SCORE;
            default: throw new IllegalArgumentException("unknown parameterisation '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    /** Score coordinate from the network output {@code out} at input coordinate {@code x}. */
    public double toScore(NoiseLevel level, double x, double out) {
        switch (this) {
            case EPSILON: return Tweedie.scoreFromEps(level, out);
            case X0: return Tweedie.scoreFromDenoiser(level, x, out);
            default: return out;
        }
    }

    /** The network output that represents score coordinate {@code s} at input coordinate {@code x}. */
    public double fromScore(NoiseLevel level, double x, double s) {
        switch (this) {
            case EPSILON: return Tweedie.epsFromScore(level, s);
            case X0: return Tweedie.denoiser(level, x, s);
            default: return s;
        }
    }

    /**
     * The DSM regression target for x = c x0 + sigma eps: eps, x0, or the conditional score -eps / sigma
     * (Vincent 2011; spec/math.md §1.1).
     */
    public double target(NoiseLevel level, double x0, double eps) {
        switch (this) {
            case EPSILON: return eps;
            case X0: return x0;
            default: return Tweedie.scoreFromEps(level, eps);
        }
    }

    /**
     * |ds / d out| at the level: the factor A with ||s - s'||^2 = A^2 ||out - out'||^2, so a loss in output space
     * can be weighted to equal a score-space loss. 1/sigma for epsilon, c/sigma^2 for x0, 1 for score.
     */
    public double scoreJacobian(NoiseLevel level) {
        return Math.abs(toScore(level, 0, 1) - toScore(level, 0, 0));
    }
}
