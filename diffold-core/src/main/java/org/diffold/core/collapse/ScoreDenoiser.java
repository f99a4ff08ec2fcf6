package org.diffold.core.collapse;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;

/**
 * The denoiser of the variance-exploding law x = x0 + sigma z induced by a score (Tweedie / Miyasawa;
 * docs/math.md §7): D_sigma(x) = x + sigma^2 s_sigma(x) = E[x0 | x]. The scores of Diffold are those of the
 * variance-preserving law y = c x0 + s z; the two are the same law up to scale with c = 1 / sqrt(1 + sigma^2),
 * s^2 = sigma^2 / (1 + sigma^2), y = c x, so D_sigma(x) = (y + s^2 s_VP(y)) / c, the VP posterior mean at y.
 */
public final class ScoreDenoiser implements Denoiser {
    private final Score.Evaluator eval;
    private final NoiseLevel level;
    private final double sigma;
    private final double[] y, s;

    /** The denoiser of {@code score} at VE noise level {@code sigma} > 0. */
    public ScoreDenoiser(Score score, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw new IllegalArgumentException("sigma must be in (0, inf), got " + sigma);
        this.eval = score.evaluator();
        this.level = veLevel(sigma);
        this.sigma = sigma;
        this.y = new double[score.dim()];
        this.s = new double[score.dim()];
    }

    /** The VP level equal in law to the VE level sigma: alpha_bar = 1 / (1 + sigma^2). */
    public static NoiseLevel veLevel(double sigma) {
        return NoiseLevel.ofLogAlphaBar(-Math.log1p(sigma * sigma));
    }

    /** The VE noise level. */
    public double sigma() { return sigma; }

    @Override public int dim() { return y.length; }

    @Override
    public void denoise(double[] x, double[] out) {
        double c = level.c(), s2 = level.sigma2();
        for (int j = 0; j < y.length; j++) y[j] = c * x[j];
        eval.score(level, y, s, 0, 1);
        for (int j = 0; j < y.length; j++) out[j] = (y[j] + s2 * s[j]) / c;
    }
}
