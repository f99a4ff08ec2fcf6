package org.diffold.cli;

import java.util.Locale;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.Objective;
import org.diffold.nn.latent.Stage1Config;
import org.diffold.nn.train.LrSchedule;
import picocli.CommandLine.Option;

/**
 * Options of {@code diffold train} for real data and latent models (docs/math.md §7; every default is ours):
 * the latent objective, widths, the SiLD noise band and the stage-1 optimiser.
 */
public final class LatentOptions {
    @Option(names = "--latent", paramLabel = "KIND", description = "train a latent model: sild, vae[:kl=1e-6] or ae "
            + "(stage 1 then the latent score; without it real data trains a pixel-space score network)")
    String latent;
    @Option(names = "--latent-dim", paramLabel = "K", description = "latent width k, 1 <= k <= D (default: ${DEFAULT-VALUE})")
    int latentDim = AutoencoderSpec.DEFAULT_LATENT;
    @Option(names = "--ae", paramLabel = "KIND", description = "autoencoder network: conv (images) or mlp (default: conv for images, mlp otherwise)")
    String aeKind;
    @Option(names = "--ae-width", paramLabel = "C", description = "base channels (conv) or hidden width (mlp) (default: ${DEFAULT-VALUE})")
    int aeWidth = 16;
    @Option(names = "--ae-groups", paramLabel = "G", description = "group-norm groups of the conv autoencoder (default: ${DEFAULT-VALUE})")
    int aeGroups = 4;
    @Option(names = "--sigma-band", paramLabel = "LO,HI", description = "SiLD stage-1 noise band [sigma_min, sigma_max] (default: ${DEFAULT-VALUE})")
    String sigmaBand = AutoencoderSpec.DEFAULT_SIGMA_MIN + "," + AutoencoderSpec.DEFAULT_SIGMA_MAX;
    @Option(names = "--stage1-steps", paramLabel = "S", description = "stage-1 optimiser steps (default: ${DEFAULT-VALUE})")
    int stage1Steps = 2000;
    @Option(names = "--stage1-batch", paramLabel = "B", description = "stage-1 batch size (default: ${DEFAULT-VALUE})")
    int stage1Batch = 64;
    @Option(names = "--stage1-lr", paramLabel = "LR", description = "stage-1 peak learning rate (cosine) (default: ${DEFAULT-VALUE})")
    double stage1Lr = 2e-3;
    @Option(names = "--image-shape", paramLabel = "HxWxC", description = "shape of the rows of a data file (default: HxHx1 when a row has H^2 values)")
    String imageShape;
    @Option(names = "--n-heldout", paramLabel = "N", description = "at most N held-out rows (Fashion-MNIST: from t10k) (default: ${DEFAULT-VALUE})")
    int nHeldOut = 2000;
    @Option(names = "--no-scale", description = "keep a data file's values (default: scale to [-1, 1] by the global min-max)")
    boolean noScale;

    /** The image shape option, or null. */
    ImageShape shape() {
        return imageShape == null ? null : ImageShape.parse(imageShape);
    }

    /** The stage-1 objective and KL weight from {@code --latent}. */
    static Objective objective(String latent) {
        String s = latent.trim().toLowerCase(Locale.ROOT);
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        if (!name.equals("sild") && !name.equals("vae") && !name.equals("ae")) {
            throw new UsageException("--latent must be sild, vae[:kl=W] or ae, got '" + latent + "'");
        }
        return Objective.parse(name);
    }

    /** The KL weight of {@code vae:kl=W} (1e-6 by default, as Rombach et al.'s LDM autoencoders). */
    static double klWeight(String latent) {
        String s = latent.trim().toLowerCase(Locale.ROOT);
        if (!s.contains(":")) return 1e-6;
        String rest = s.substring(s.indexOf(':') + 1);
        if (!s.startsWith("vae:") || !rest.startsWith("kl=")) throw new UsageException("--latent " + latent + ": only vae takes a parameter, kl=W");
        double w;
        try {
            w = Double.parseDouble(rest.substring(3));
        } catch (NumberFormatException e) {
            throw new UsageException("--latent " + latent + ": the KL weight must be a number >= 0");
        }
        if (!(w >= 0) || Double.isInfinite(w)) throw new UsageException("--latent " + latent + ": the KL weight must be >= 0, got " + w);
        return w;
    }

    /** The autoencoder spec for data of dimension {@code dim} and image shape {@code shape} (null for vectors). */
    AutoencoderSpec spec(int dim, ImageShape shape) {
        Objective o = objective(latent);
        String kind = aeKind != null ? aeKind : shape != null ? "conv" : "mlp";
        if (kind.equals("conv") && shape == null) throw new UsageException("--ae conv needs image data; give --image-shape HxWxC or use --ae mlp");
        String[] band = sigmaBand.split(",");
        double lo, hi;
        try {
            lo = Double.parseDouble(band[0].trim());
            hi = band.length > 1 ? Double.parseDouble(band[1].trim()) : lo;
        } catch (NumberFormatException e) {
            throw new UsageException("--sigma-band must be two numbers LO,HI with 0 < LO <= HI, got '" + sigmaBand + "'");
        }
        if (latentDim < 1 || latentDim > dim) throw new UsageException("--latent-dim must be in [1, D = " + dim + "], got " + latentDim);
        return new AutoencoderSpec(kind, dim, kind.equals("conv") ? shape : null, latentDim, aeWidth, aeGroups, o,
                o == Objective.VAE ? klWeight(latent) : 0, lo, hi);
    }

    /** Stage-1 optimiser settings. */
    Stage1Config stage1(long seed, int checkpointEvery) {
        return new Stage1Config(stage1Steps, stage1Batch, new LrSchedule("cosine", stage1Lr, Math.min(100, stage1Steps / 10), 0.05), 1.0,
                seed, checkpointEvery);
    }
}
