package org.diffold.nn.net;

import java.util.List;
import java.util.Locale;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Tweedie;

/**
 * What a score network predicts at a noisy point x = c x_0 + sigma eps (docs/math.md §1.1, §1.2):
 * {@code epsilon} (the noise eps), {@code x0} (the denoiser m(x) = E[x_0 | x]), {@code score} (s(x) itself) or
 * {@code edm} (a preconditioned denoiser, below). Every conversion between a network output and a score goes through
 * {@link Tweedie} or is derived from it here, and this is the only class in the module that converts:
 * s = -eps / sigma, s = (c m - x) / sigma^2.
 *
 * <p><b>edm</b> (Karras et al. 2206.00364 "EDM", Table 1 and App. B.6, adapted to the variance-preserving process
 * x = c x_0 + sigma eps of docs/math.md §1 [derived]). With sigma_data^2 the per-coordinate second moment of the data
 * and V = c^2 sigma_data^2 + sigma^2 (the second moment of x), the network F sees c_in x and the denoiser is
 * m(x) = c_skip x + c_out F(c_in x, level) with
 * <pre>
 * c_in = 1 / sqrt(V),  c_skip = c sigma_data^2 / V,  c_out = sigma sigma_data / sqrt(V).
 * </pre>
 * c_skip minimises Var(x_0 - c_skip x) = (1 - c c_skip)^2 sigma_data^2 + c_skip^2 sigma^2 and c_out is the square
 * root of that minimum, sigma^2 sigma_data^2 / V, so both the input and the regression target
 * F* = (x_0 - c_skip x) / c_out = (sigma x_0 - c sigma_data^2 eps) / (sigma_data sqrt(V)) have unit scale at every
 * level; with c = 1 these are EDM's formulas. Through Tweedie, 1 - c c_skip = sigma^2 / V gives the score in closed
 * form (no cancellation at small sigma): s = -x / V + c sigma_data F / (sigma sqrt(V)).
 *
 * <p><b>edm-pca</b> [ours]: the same formulas per direction in the data's principal basis, with the data mean
 * removed and a per-direction sigma_data ({@link Whitening}); its conversions act on whole rows and live there, so
 * the per-coordinate methods here refuse it.
 */
public enum Parameterisation {
    /** The network predicts the noise eps; s = -eps / sigma. */
    EPSILON("epsilon"),
    /** The network predicts the clean point x_0; s = (c x0 - x) / sigma^2. */
    X0("x0"),
    /** The network predicts the score directly. */
    SCORE("score"),
    /** Preconditioned denoiser m = c_skip x + c_out F(c_in x) (EDM, see the class comment); needs sigma_data. */
    EDM("edm"),
    /** edm per principal direction of the data (see the class comment and {@link Whitening}); needs a whitening. */
    EDM_PCA("edm-pca");

    /** Valid CLI names. */
    public static final List<String> NAMES = List.of("epsilon", "x0", "score", "edm", "edm-pca");
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
            case "edm": case "precond": return EDM;
            case "edm-pca": case "whiten": return EDM_PCA;
            default: throw new IllegalArgumentException("unknown parameterisation '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    /** True when the conversions need sigma_data ({@code edm}). */
    public boolean needsSigmaData() { return this == EDM; }

    /** True when the conversions need a {@link Whitening} ({@code edm-pca}); they then act on whole rows. */
    public boolean needsWhitening() { return this == EDM_PCA; }

    private void requireScalar() {
        if (this == EDM_PCA) throw new IllegalStateException("edm-pca converts whole rows; use Whitening");
    }

    /** Score coordinate from the network output {@code out} at input coordinate {@code x} (not for {@code edm}). */
    public double toScore(NoiseLevel level, double x, double out) {
        return toScore(level, Double.NaN, x, out);
    }

    /** The network output that represents score coordinate {@code s} at input coordinate {@code x} (not for {@code edm}). */
    public double fromScore(NoiseLevel level, double x, double s) {
        return fromScore(level, Double.NaN, x, s);
    }

    /** The DSM regression target for x = c x0 + sigma eps (not for {@code edm}). */
    public double target(NoiseLevel level, double x0, double eps) {
        return target(level, Double.NaN, x0, eps);
    }

    /** |ds / d out| at the level (not for {@code edm}). */
    public double scoreJacobian(NoiseLevel level) {
        return scoreJacobian(level, Double.NaN);
    }

    /** The factor the network input x is multiplied by: c_in = 1 / sqrt(c^2 sigma_data^2 + sigma^2) for edm, else 1. */
    public double inputScale(NoiseLevel level, double sigmaData) {
        requireScalar();
        return this == EDM ? 1 / Math.sqrt(secondMoment(level, sigmaData)) : 1;
    }

    /**
     * Score coordinate from the network output {@code out} at input coordinate {@code x}; {@code sigmaData} is used by
     * {@code edm} only: s = -x / V + c sigma_data out / (sigma sqrt(V)).
     */
    public double toScore(NoiseLevel level, double sigmaData, double x, double out) {
        requireScalar();
        switch (this) {
            case EPSILON: return Tweedie.scoreFromEps(level, out);
            case X0: return Tweedie.scoreFromDenoiser(level, x, out);
            case EDM: {
                double v = secondMoment(level, sigmaData);
                return -x / v + level.c() * sigmaData * out / Math.sqrt(level.sigma2() * v);
            }
            default: return out;
        }
    }

    /** The network output that represents score coordinate {@code s} at input coordinate {@code x}. */
    public double fromScore(NoiseLevel level, double sigmaData, double x, double s) {
        requireScalar();
        switch (this) {
            case EPSILON: return Tweedie.epsFromScore(level, s);
            case X0: return Tweedie.denoiser(level, x, s);
            case EDM: {
                double v = secondMoment(level, sigmaData);
                return (s + x / v) * Math.sqrt(level.sigma2() * v) / (level.c() * sigmaData);
            }
            default: return s;
        }
    }

    /**
     * The DSM regression target for x = c x0 + sigma eps (Vincent 2011; docs/math.md §1.1): eps, x0, the conditional
     * score -eps / sigma, or for edm (sigma x0 - c sigma_data^2 eps) / (sigma_data sqrt(V)).
     */
    public double target(NoiseLevel level, double sigmaData, double x0, double eps) {
        requireScalar();
        switch (this) {
            case EPSILON: return eps;
            case X0: return x0;
            case EDM: {
                double v = secondMoment(level, sigmaData);
                return (Math.sqrt(level.sigma2()) * x0 - level.c() * sigmaData * sigmaData * eps) / (sigmaData * Math.sqrt(v));
            }
            default: return Tweedie.scoreFromEps(level, eps);
        }
    }

    /**
     * {@link #target(NoiseLevel, double, double, double)} of n coordinates as float32, out[j] = target(x0[x0Off + j],
     * eps[epsOff + j]), with the level's constants computed once per row: the same operations in the same order per
     * coordinate, so the same bits as the scalar form.
     */
    public void targets(NoiseLevel level, double sigmaData, double[] x0, int x0Off, double[] eps, int epsOff, float[] out, int n) {
        requireScalar();
        switch (this) {
            case EPSILON -> { for (int j = 0; j < n; j++) out[j] = (float) eps[epsOff + j]; }
            case X0 -> { for (int j = 0; j < n; j++) out[j] = (float) x0[x0Off + j]; }
            case EDM -> {
                double sd = Math.sqrt(level.sigma2()), ce = level.c() * sigmaData * sigmaData;
                double den = sigmaData * Math.sqrt(secondMoment(level, sigmaData));
                for (int j = 0; j < n; j++) out[j] = (float) ((sd * x0[x0Off + j] - ce * eps[epsOff + j]) / den);
            }
            default -> {
                double sd = Math.sqrt(level.sigma2());
                for (int j = 0; j < n; j++) out[j] = (float) (-eps[epsOff + j] / sd);
            }
        }
    }

    /**
     * |ds / d out| at the level: the factor A with ||s - s'||^2 = A^2 ||out - out'||^2, so a loss in output space
     * can be weighted to equal a score-space loss. 1/sigma for epsilon, c/sigma^2 for x0, 1 for score,
     * c sigma_data / (sigma sqrt(V)) for edm.
     */
    public double scoreJacobian(NoiseLevel level, double sigmaData) {
        requireScalar();
        return Math.abs(toScore(level, sigmaData, 0, 1) - toScore(level, sigmaData, 0, 0));
    }

    /** V = c^2 sigma_data^2 + sigma^2, the per-coordinate second moment of x; validates sigma_data for edm. */
    private static double secondMoment(NoiseLevel level, double sigmaData) {
        if (!(sigmaData > 0) || Double.isInfinite(sigmaData)) {
            throw new IllegalArgumentException("edm parameterisation needs sigma_data in (0, inf), got " + sigmaData);
        }
        return level.alphaBar() * sigmaData * sigmaData + level.sigma2();
    }
}
