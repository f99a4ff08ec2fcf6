package org.diffold.lab.experiment.sild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of {@code reproduce sild} (every value is ours; docs/math.md §7). {@link #full} fits in about 30 minutes
 * on 2 cores, {@link #quick} in about 2.
 *
 * @param quick whether this is the quick variant
 * @param seed master seed
 * @param nTrain Fashion-MNIST training images used
 * @param nHeldOut t10k images held out (reconstruction, reference features)
 * @param nSamples generated images per method for the metrics
 * @param latentDim latent width k
 * @param aeWidth base channels of the conv autoencoder
 * @param sigmaMin SiLD stage-1 band low end
 * @param sigmaMax SiLD stage-1 band high end
 * @param stage1Steps stage-1 optimiser steps (batch 64)
 * @param stage2Steps stage-2 optimiser steps (batch 256)
 * @param stage2Width stage-2 MLP width
 * @param klWeights the VAE's KL weights
 * @param pixelWidth base channels c of the pixel-space U-Net (channels c/2c; budget in {@link #pixelUnet()})
 * @param classifierSteps classifier training steps (batch 64)
 * @param samplingSteps sampler steps T (li-yan design and schedule)
 * @param collapseDim ambient dimension of the curved manifolds
 * @param collapseSigmas number of log-spaced sigmas in [1e-3, 1]
 * @param collapseProbes probe points per sigma
 * @param learnedCircleSteps stage-1 steps of the learned collapse on the circle
 */
public record SildConfig(boolean quick, long seed, int nTrain, int nHeldOut, int nSamples, int latentDim, int aeWidth,
                         double sigmaMin, double sigmaMax, int stage1Steps, int stage2Steps, int stage2Width, List<Double> klWeights,
                         int pixelWidth, int classifierSteps, int samplingSteps, int collapseDim, int collapseSigmas,
                         int collapseProbes, int learnedCircleSteps) {
    /** Experiment name in the run store. */
    public static final String EXPERIMENT = "sild";
    /** The curved manifolds of the collapse figures. */
    public static final List<String> MANIFOLDS = List.of("circle", "helix", "sphere", "torus");

    /** The full run. */
    public static SildConfig full(long seed) {
        return new SildConfig(false, seed, 20000, 2000, 2000, 16, 16, 1e-3, 0.2, 800, 3000, 256, List.of(1e-6, 1e-4, 1e-2, 1.0),
                16, 2500, 200, 16, 13, 8, 2000);
    }

    /** The quick run. */
    public static SildConfig quick(long seed) {
        return new SildConfig(true, seed, 5000, 500, 500, 16, 8, 1e-3, 0.2, 60, 300, 128, List.of(1e-6),
                8, 300, 100, 16, 7, 3, 2000);
    }

    /**
     * The pixel baseline's U-Net and budget [ours]: channels c/2c (c = pixelWidth), c/4 groups, edm; full 1500 steps of
     * batch 64 (about 6 minutes on 2 cores, against stage 1 + stage 2 of the latent models), quick 100 steps of batch 32.
     */
    public org.diffold.lab.experiment.common.PixelUnet pixelUnet() {
        return new org.diffold.lab.experiment.common.PixelUnet(List.of(pixelWidth, 2 * pixelWidth), Math.max(1, pixelWidth / 4),
                quick ? 100 : 1500, quick ? 32 : 64, 2e-3);
    }

    /** Sampler steps T of the pixel baseline: half of {@link #samplingSteps()}, a quarter in the quick run (each step is a U-Net pass) [ours]. */
    public int pixelSamplingSteps() { return Math.max(10, samplingSteps / (quick ? 4 : 2)); }

    /** Method labels in table order: sild, vae:kl=W..., ae, pixel. */
    public List<String> methods() {
        List<String> m = new ArrayList<>();
        m.add("sild");
        for (double w : klWeights) m.add("vae:kl=" + w);
        m.add("ae");
        m.add("pixel");
        return m;
    }

    /** Settings that affect the trained models (cell settings and the model folders' key). */
    public Map<String, Object> modelSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("nTrain", nTrain);
        m.put("nHeldOut", nHeldOut);
        m.put("nSamples", nSamples);
        m.put("latentDim", latentDim);
        m.put("aeWidth", aeWidth);
        m.put("sigmaMin", sigmaMin);
        m.put("sigmaMax", sigmaMax);
        m.put("stage1Steps", stage1Steps);
        m.put("stage2Steps", stage2Steps);
        m.put("stage2Width", stage2Width);
        m.put("pixelWidth", pixelWidth);
        m.put("pixelNet", pixelUnet().describe() + ", T " + pixelSamplingSteps());
        m.put("classifierSteps", classifierSteps);
        m.put("samplingSteps", samplingSteps);
        return m;
    }

    /** A short stable hash of {@link #modelSettings()} for folder names and cell keys. */
    public String modelKey() {
        return Long.toHexString(modelSettings().toString().hashCode() & 0xFFFFFFFFL);
    }
}
