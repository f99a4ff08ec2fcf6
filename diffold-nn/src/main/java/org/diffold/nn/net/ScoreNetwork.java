package org.diffold.nn.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * The weights of one MLP score network (float32 NDArrays on one device) and its forward pass
 * (see {@link Architecture}). Weights are initialised from a Java {@link RandomStreams} seed, not from PyTorch's
 * global generator, so initialisation is identical on every device: W, b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
 * the default of PyTorch's {@code nn.Linear} (He et al. 2015 with a = sqrt(5)).
 *
 * <p>Owns its NDManager; close it to free native memory.
 */
public final class ScoreNetwork implements DenoiserNetwork {
    private final NetworkSpec spec;
    private final NDManager manager;
    private final NDList params;

    private ScoreNetwork(NetworkSpec spec, NDManager manager, NDList params) {
        this.spec = spec;
        this.manager = manager;
        this.params = params;
    }

    /** A freshly initialised network on {@code device}; weights depend on {@code seed} only. */
    public static ScoreNetwork initialise(NetworkSpec spec, Device device, long seed) {
        RandomStreams streams = new RandomStreams(seed).child("init");
        List<float[]> w = new ArrayList<>();
        for (int j = 0; j < 2 * spec.layers(); j++) {
            long[] shape = spec.parameterShape(j);
            int fanIn = spec.layerShape(j / 2)[1];
            double bound = 1 / Math.sqrt(fanIn);
            float[] v = new float[Math.toIntExact(j % 2 == 0 ? shape[0] * shape[1] : shape[0])];
            SplittableRandom rng = streams.stream(j);
            for (int i = 0; i < v.length; i++) v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            w.add(v);
        }
        return fromWeights(spec, device, w);
    }

    /** A network with the given weights (in {@link NetworkSpec#parameterNames()} order). */
    public static ScoreNetwork fromWeights(NetworkSpec spec, Device device, List<float[]> weights) {
        int n = 2 * spec.layers();
        if (weights.size() != n) throw new IllegalArgumentException("network needs " + n + " weight arrays, got " + weights.size());
        NDManager m = NDManager.newBaseManager(device);
        try {
            NDList p = new NDList(n);
            for (int j = 0; j < n; j++) {
                long[] shape = spec.parameterShape(j);
                long size = j % 2 == 0 ? shape[0] * shape[1] : shape[0];
                if (weights.get(j).length != size) {
                    throw new IllegalArgumentException(spec.parameterNames().get(j) + " must have " + size + " values, got "
                            + weights.get(j).length);
                }
                p.add(m.create(weights.get(j), new Shape(shape)));
            }
            return new ScoreNetwork(spec, m, p);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** An independent copy of the weights on the same device (e.g. for an EMA). */
    public ScoreNetwork copy() {
        NDManager m = NDManager.newBaseManager(manager.getDevice());
        NDList p = new NDList(params.size());
        for (NDArray a : params) {
            NDArray c = a.duplicate();
            c.attach(m);
            p.add(c);
        }
        return new ScoreNetwork(spec, m, p);
    }

    /** The spec. */
    public NetworkSpec spec() { return spec; }

    /** The device the weights live on. */
    public Device device() { return manager.getDevice(); }

    /** The manager owning the weights. */
    public NDManager manager() { return manager; }

    /** The weight arrays, in {@link NetworkSpec#parameterNames()} order (live: updates change the network). */
    public NDList parameters() { return params; }

    /** Host copies of the weights. */
    public List<float[]> weights() {
        List<float[]> out = new ArrayList<>(params.size());
        for (NDArray a : params) out.add(a.toFloatArray());
        return out;
    }

    /** Overwrites the weights with host values (shapes must match). */
    public void setWeights(List<float[]> weights) {
        if (weights.size() != params.size()) throw new IllegalArgumentException("expected " + params.size() + " weight arrays, got " + weights.size());
        for (int j = 0; j < params.size(); j++) params.get(j).set(weights.get(j));
    }

    /** Forward pass on a (B, D + E) input; the output (B, D) lives on the input's manager. */
    public NDArray forward(NDArray input) {
        return forward(spec, params, input);
    }

    /** Forward pass of a network with the given spec and weights. */
    public static NDArray forward(NetworkSpec spec, NDList p, NDArray input) {
        Activation act = spec.activation();
        NDArray h = Linear.linear(input, p.get(0), p.get(1)).singletonOrThrow();
        for (int i = 1; i < spec.depth(); i++) {
            NDArray z = Linear.linear(act.apply(h), p.get(2 * i), p.get(2 * i + 1)).singletonOrThrow();
            h = spec.architecture() == Architecture.RESMLP ? h.add(z) : z;
        }
        int last = spec.depth();
        return Linear.linear(act.apply(h), p.get(2 * last), p.get(2 * last + 1)).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
