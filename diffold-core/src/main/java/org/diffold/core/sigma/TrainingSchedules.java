package org.diffold.core.sigma;

/**
 * diffusers' discrete training schedules beta_0..beta_{T-1} (0-based, as diffusers indexes them) and the
 * zero-terminal-SNR rescaling (docs/math.md §2.2, §3.3):
 * <ul>
 * <li>{@code linear}: beta_i = linspace(beta_start, beta_end, T).
 * <li>{@code scaled_linear} (latent / Stable Diffusion): beta_i = linspace(sqrt(beta_start), sqrt(beta_end), T)^2.
 * <li>{@code squaredcos_cap_v2} (Nichol &amp; Dhariwal cosine): abar(s) = cos^2((s + 0.008) / 1.008 pi / 2),
 *     beta_i = min(1 - abar((i+1)/T) / abar(i/T), 0.999).
 * <li>{@code sigmoid} (GeoDiff): beta_i = sigmoid(linspace(-6, 6, T)) (beta_end - beta_start) + beta_start.
 * <li>{@link #rescaleZeroTerminalSnr} (Lin et al. 2305.08891 Alg. 1): sqrt(abar) shifted so its last value is 0 and
 *     scaled so its first is unchanged, then back to betas (the last beta becomes 1).
 * </ul>
 */
public final class TrainingSchedules {
    /** diffusers' defaults for {@code linear}. */
    public static final double BETA_START = 1e-4, BETA_END = 0.02;
    /** Stable Diffusion's {@code scaled_linear} range. */
    public static final double SD_BETA_START = 0.00085, SD_BETA_END = 0.012;
    /**
     * abar substituted for a zero terminal abar when converting to sigma (2^-24, as diffusers' Euler schedulers do),
     * so that sigma_max stays finite.
     */
    public static final double ZERO_SNR_ALPHA_BAR = 0x1p-24;

    private TrainingSchedules() {}

    /** The betas of a schedule by diffusers name ({@code beta_start}/{@code beta_end} ignored by the cosine). */
    public static double[] betas(String name, int steps, double betaStart, double betaEnd) {
        if (steps < 2) throw new IllegalArgumentException("T must be >= 2, got " + steps);
        if (!(betaStart > 0 && betaEnd < 1 && betaStart <= betaEnd)) {
            throw new IllegalArgumentException("need 0 < beta_start <= beta_end < 1, got " + betaStart + ", " + betaEnd);
        }
        double[] b = new double[steps];
        switch (name) {
            case "linear" -> { for (int i = 0; i < steps; i++) b[i] = lerp(betaStart, betaEnd, i, steps); }
            case "scaled_linear" -> {
                for (int i = 0; i < steps; i++) { double r = lerp(Math.sqrt(betaStart), Math.sqrt(betaEnd), i, steps); b[i] = r * r; }
            }
            case "sigmoid" -> {
                for (int i = 0; i < steps; i++) b[i] = betaStart + (betaEnd - betaStart) / (1 + Math.exp(-lerp(-6, 6, i, steps)));
            }
            case "squaredcos_cap_v2" -> {
                for (int i = 0; i < steps; i++) b[i] = Math.min(1 - cosAlphaBar((i + 1.0) / steps) / cosAlphaBar((double) i / steps), 0.999);
            }
            default -> throw new IllegalArgumentException("unknown training schedule '" + name
                    + "'; valid: linear, scaled_linear, squaredcos_cap_v2 (cosine), sigmoid");
        }
        return b;
    }

    /** log abar_i = sum_{j<=i} log(1 - beta_j), i = 0..T-1; -inf where a beta is 1. */
    public static double[] logAlphaBar(double[] betas) {
        double[] out = new double[betas.length];
        double acc = 0;
        for (int i = 0; i < betas.length; i++) {
            acc += Math.log1p(-betas[i]);
            out[i] = acc;
        }
        return out;
    }

    /** Lin et al.'s zero-terminal-SNR rescaling of the betas; the returned last beta is exactly 1. */
    public static double[] rescaleZeroTerminalSnr(double[] betas) {
        int n = betas.length;
        double[] la = logAlphaBar(betas);
        double[] root = new double[n];
        for (int i = 0; i < n; i++) root[i] = Math.exp(0.5 * la[i]);
        double first = root[0], last = root[n - 1], scale = first / (first - last);
        double[] abar = new double[n];
        for (int i = 0; i < n; i++) { double r = (root[i] - last) * scale; abar[i] = r * r; }
        abar[n - 1] = 0;
        double[] out = new double[n];
        out[0] = 1 - abar[0];
        for (int i = 1; i < n; i++) out[i] = 1 - abar[i] / abar[i - 1];
        out[n - 1] = 1;
        return out;
    }

    /** sigma_i = sqrt((1 - abar_i) / abar_i) per training index; a zero abar is replaced by {@link #ZERO_SNR_ALPHA_BAR}. */
    public static double[] sigmas(double[] betas) {
        double[] la = logAlphaBar(betas);
        double[] s = new double[la.length];
        for (int i = 0; i < la.length; i++) {
            double l = Double.isInfinite(la[i]) ? Math.log(ZERO_SNR_ALPHA_BAR) : la[i];
            s[i] = SigmaGrid.sigmaOfLogAlphaBar(l);
        }
        return s;
    }

    private static double cosAlphaBar(double s) {
        double c = Math.cos((s + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    private static double lerp(double a, double b, int i, int n) { return a + (b - a) * i / (n - 1); }
}
