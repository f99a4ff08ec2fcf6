package org.diffold.nn.train;

import java.util.List;
import java.util.Locale;
import org.diffold.core.process.NoiseLevel;
import org.diffold.nn.net.Parameterisation;

/**
 * lambda(t) in the DSM loss lambda(t) ||s(x_t) - s_cond||^2 / D (Song &amp; Ermon 2019; docs/math.md §1, §4.4),
 * applied in the network's output space as lambda(t) A(t)^2 ||out - target||^2 with A = |ds/d out|
 * ({@link Parameterisation#scoreJacobian}):
 * {@code sigma2} lambda = sigma^2 (the noise-prediction MSE of Ho et al.; default), {@code unit} lambda = 1 (the
 * score error of §4.4 itself; high variance at small sigma), {@code output} plain MSE of the network output.
 */
public enum LossWeighting {
    /** lambda = sigma^2. */
    SIGMA2("sigma2"),
    /** lambda = 1. */
    UNIT("unit"),
    /** Unweighted MSE in output space. */
    OUTPUT("output");

    /** Valid CLI names. */
    public static final List<String> NAMES = List.of("sigma2", "unit", "output");
    private final String cliName;

    LossWeighting(String cliName) { this.cliName = cliName; }

    /** CLI name. */
    public String cliName() { return cliName; }

    /** Parses a CLI name. */
    public static LossWeighting parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LossWeighting w : values()) if (w.cliName.equals(s)) return w;
        throw new IllegalArgumentException("unknown loss weighting '" + name + "'; valid: " + String.join(", ", NAMES));
    }

    /** Output-space weight lambda A^2 for one example at {@code level} (not for {@code edm}). */
    public double outputWeight(Parameterisation p, NoiseLevel level) {
        return outputWeight(p, Double.NaN, level);
    }

    /** Output-space weight lambda A^2 for one example at {@code level}; sigma_data is used by {@code edm} only. */
    public double outputWeight(Parameterisation p, double sigmaData, NoiseLevel level) {
        if (this == OUTPUT) return 1;
        return outputWeight(level, p.scoreJacobian(level, sigmaData));
    }

    /** Output-space weight lambda A^2 for one output direction whose score Jacobian |ds / d out| is {@code a}. */
    public double outputWeight(NoiseLevel level, double a) {
        if (this == OUTPUT) return 1;
        return (this == SIGMA2 ? level.sigma2() : 1) * a * a;
    }
}
