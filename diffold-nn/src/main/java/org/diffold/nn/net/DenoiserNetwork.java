package org.diffold.nn.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A trainable denoiser network: float32 weights on one device (in {@link NetworkSpec#parameterNames()} order) and a
 * forward pass from input rows [c_in x, embedding(level)] of width D + E ({@link NetworkInput}) to output rows of
 * width D, which {@link Parameterisation} (or {@link Whitening}) turns into a score. The DSM trainer, checkpoints
 * and {@link org.diffold.nn.score.NetworkScore} see networks only through this interface; the body is chosen by
 * {@link NetworkSpec#architecture()}: {@link ScoreNetwork} (mlp, resmlp) or {@link UnetNetwork} (unet). Weights are
 * initialised from a Java seed, so identically on every device. Owns its NDManager; close it.
 */
public interface DenoiserNetwork extends AutoCloseable {
    /** The spec. */
    NetworkSpec spec();

    /** The manager owning the weights. */
    NDManager manager();

    /** The device the weights live on. */
    default Device device() { return manager().getDevice(); }

    /** The weight arrays in {@link NetworkSpec#parameterNames()} order (live: updates change the network). */
    NDList parameters();

    /** Forward pass on a (B, D + E) input; the output (B, D) lives on the input's manager. */
    NDArray forward(NDArray input);

    /** An independent copy of the weights on the same device (e.g. for an EMA). */
    DenoiserNetwork copy();

    /** Host copies of the weights. */
    default List<float[]> weights() {
        List<float[]> out = new java.util.ArrayList<>(parameters().size());
        for (NDArray a : parameters()) out.add(a.toFloatArray());
        return out;
    }

    /** Overwrites the weights with host values (shapes must match). */
    default void setWeights(List<float[]> weights) {
        NDList p = parameters();
        if (weights.size() != p.size()) throw new IllegalArgumentException("expected " + p.size() + " weight arrays, got " + weights.size());
        for (int j = 0; j < p.size(); j++) p.get(j).set(weights.get(j));
    }

    @Override
    void close();

    /** A freshly initialised network of {@code spec}'s architecture on {@code device}; weights depend on {@code seed} only. */
    static DenoiserNetwork initialise(NetworkSpec spec, Device device, long seed) {
        return spec.architecture() == Architecture.UNET ? UnetNetwork.initialise(spec, device, seed)
                : ScoreNetwork.initialise(spec, device, seed);
    }

    /** A network of {@code spec}'s architecture with the given weights (in {@link NetworkSpec#parameterNames()} order). */
    static DenoiserNetwork fromWeights(NetworkSpec spec, Device device, List<float[]> weights) {
        return spec.architecture() == Architecture.UNET ? UnetNetwork.fromWeights(spec, device, weights)
                : ScoreNetwork.fromWeights(spec, device, weights);
    }
}
