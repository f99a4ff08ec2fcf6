package org.diffold.nn.latent;

import java.util.Locale;

/**
 * The stage-1 objective of a latent model (docs/math.md §7). Loss per example, mean over coordinates:
 * <ul>
 *   <li>{@code sild}: ||dec(enc(x + sigma eps)) - x||^2 / D with sigma log-uniform in [sigma_min, sigma_max]
 *       (DSM of a bottleneck denoiser; no KL term);</li>
 *   <li>{@code vae}: ||dec(mu + exp(lv / 2) eps) - x||^2 / D + beta KL(N(mu, e^lv) || N(0, I)) / D, with the closed
 *       form KL = sum_j (mu_j^2 + e^{lv_j} - 1 - lv_j) / 2 (Kingma &amp; Welling 2014), latents = mu;</li>
 *   <li>{@code ae}: ||dec(enc(x)) - x||^2 / D (the plain autoencoder, KL weight 0, no noise).</li>
 * </ul>
 * Dividing the KL by D as the reconstruction term is [ours]: beta is relative to the per-pixel error.
 */
public enum Objective {
    /** Score-induced latent diffusion, stage 1. */
    SILD,
    /** KL-regularised VAE. */
    VAE,
    /** Plain autoencoder. */
    AE;

    /** The CLI name. */
    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a CLI name. */
    public static Objective parse(String s) {
        for (Objective o : values()) if (o.cliName().equals(s.trim().toLowerCase(Locale.ROOT))) return o;
        throw new IllegalArgumentException("unknown latent objective '" + s + "'; valid: sild, vae, ae");
    }

    /** Closed-form KL(N(mu, diag e^lv) || N(0, I)) of one example (for tests and reports). */
    public static double gaussianKl(double[] mu, double[] logVar) {
        double kl = 0;
        for (int j = 0; j < mu.length; j++) kl += 0.5 * (mu[j] * mu[j] + Math.exp(logVar[j]) - 1 - logVar[j]);
        return kl;
    }
}
