package org.diffold.nn.latent;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.diffold.nn.image.ImageShape;

/**
 * The networks and stage-1 objective of a latent model (all choices are ours, see docs/math.md §7):
 * an {@code mlp} encoder/decoder for vector data (D -> width -> width -> k and back, SiLU) or a {@code conv}
 * encoder/decoder for images (two stride-2 convolutions with group norm and SiLU down to H/4 x W/4, a linear map to
 * the latent; back by a linear map and two nearest 2x upsamplings each followed by a 3x3 convolution, group norm, SiLU), the latent width k, the objective, the KL weight
 * beta (vae) and the noise band [sigma_min, sigma_max] (sild).
 *
 * @param kind mlp or conv
 * @param dim D
 * @param shape image shape (conv; null for mlp)
 * @param latentDim k, in [1, D]
 * @param width hidden width (mlp) or base channel count (conv: c and 2c)
 * @param groups group-norm groups (conv)
 * @param objective stage-1 objective
 * @param klWeight beta >= 0 (vae)
 * @param sigmaMin smallest stage-1 noise level (sild)
 * @param sigmaMax largest stage-1 noise level (sild)
 */
public record AutoencoderSpec(String kind, int dim, ImageShape shape, int latentDim, int width, int groups,
                              Objective objective, double klWeight, double sigmaMin, double sigmaMax) {
    /** Default latent width for images [ours]. */
    public static final int DEFAULT_LATENT = 16;
    /** Default noise band of sild on [-1, 1] images [ours]. */
    public static final double DEFAULT_SIGMA_MIN = 1e-3, DEFAULT_SIGMA_MAX = 0.2;

    /** Validates every field with a one-line message. */
    public AutoencoderSpec {
        kind = kind.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("mlp") && !kind.equals("conv")) throw new IllegalArgumentException("unknown autoencoder kind '" + kind + "'; valid: mlp, conv");
        if (dim < 1) throw new IllegalArgumentException("data dimension must be >= 1, got " + dim);
        if (latentDim < 1 || latentDim > dim) throw new IllegalArgumentException("--latent-dim must be in [1, D = " + dim + "], got " + latentDim);
        if (width < 1) throw new IllegalArgumentException("autoencoder width must be >= 1, got " + width);
        if (kind.equals("conv")) {
            if (shape == null) throw new IllegalArgumentException("a conv autoencoder needs the image shape");
            if (shape.dim() != dim) throw new IllegalArgumentException("image shape " + shape + " has " + shape.dim() + " values, data dimension is " + dim);
            shape.checkFits(2);
            if (groups < 1 || width % groups != 0) throw new IllegalArgumentException("group-norm groups must divide the width " + width + ", got " + groups);
        }
        if (objective == null) throw new IllegalArgumentException("objective must not be null");
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) throw new IllegalArgumentException("KL weight must be >= 0, got " + klWeight);
        if (objective == Objective.SILD && !(sigmaMin > 0 && sigmaMax >= sigmaMin && Double.isFinite(sigmaMax))) {
            throw new IllegalArgumentException("sild noise band must satisfy 0 < sigma_min <= sigma_max, got [" + sigmaMin + ", " + sigmaMax + "]");
        }
    }

    /** Encoder output width: 2k for the VAE (mean, log-variance), else k. */
    public int encoderOutput() { return objective == Objective.VAE ? 2 * latentDim : latentDim; }

    /** A short label, e.g. {@code sild}, {@code vae:kl=1e-06}, {@code ae}. */
    public String label() {
        return objective == Objective.VAE ? "vae:kl=" + klWeight : objective.cliName();
    }

    /** Flat string map (keys prefixed {@code ae.}) for checkpoints. */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("ae.kind", kind);
        m.put("ae.dim", Integer.toString(dim));
        if (shape != null) m.put("ae.shape", shape.toString());
        m.put("ae.latentDim", Integer.toString(latentDim));
        m.put("ae.width", Integer.toString(width));
        m.put("ae.groups", Integer.toString(groups));
        m.put("ae.objective", objective.cliName());
        m.put("ae.klWeight", Double.toString(klWeight));
        m.put("ae.sigmaMin", Double.toString(sigmaMin));
        m.put("ae.sigmaMax", Double.toString(sigmaMax));
        return m;
    }

    /** Inverse of {@link #toMap()}. */
    public static AutoencoderSpec fromMap(Map<String, String> m) {
        return new AutoencoderSpec(get(m, "ae.kind"), Integer.parseInt(get(m, "ae.dim")),
                m.containsKey("ae.shape") ? ImageShape.parse(m.get("ae.shape")) : null, Integer.parseInt(get(m, "ae.latentDim")),
                Integer.parseInt(get(m, "ae.width")), Integer.parseInt(get(m, "ae.groups")), Objective.parse(get(m, "ae.objective")),
                Double.parseDouble(get(m, "ae.klWeight")), Double.parseDouble(get(m, "ae.sigmaMin")), Double.parseDouble(get(m, "ae.sigmaMax")));
    }

    private static String get(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) throw new IllegalArgumentException("autoencoder spec is missing '" + k + "'");
        return v;
    }
}
