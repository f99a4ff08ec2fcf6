package org.diffold.nn.image;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * Named float32 weights of one network on one device, declared in order with their shapes and fan-in and
 * initialised from a Java {@link RandomStreams} seed (so identical on every device): weights and biases
 * ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)) as PyTorch's Linear and Conv2d defaults, norm scales 1 and shifts 0.
 * Owns its NDManager; close it to free native memory.
 */
public final class Weights implements AutoCloseable {
    /** How a weight is initialised. */
    public enum Init { UNIFORM, ONES, ZEROS }

    private record Decl(String name, long[] shape, int fanIn, Init init) {}

    /** Collects the declarations of a network. */
    public static final class Builder {
        private final List<Decl> decls = new ArrayList<>();

        /** A weight of the given shape, uniform in +-1/sqrt(fanIn). */
        public Builder uniform(String name, int fanIn, long... shape) { decls.add(new Decl(name, shape, fanIn, Init.UNIFORM)); return this; }

        /** A weight of ones (norm scale). */
        public Builder ones(String name, long... shape) { decls.add(new Decl(name, shape, 1, Init.ONES)); return this; }

        /** A weight of zeros (norm shift). */
        public Builder zeros(String name, long... shape) { decls.add(new Decl(name, shape, 1, Init.ZEROS)); return this; }

        /** Freshly initialised weights from {@code seed}. */
        public Weights initialise(Device device, long seed) {
            RandomStreams streams = new RandomStreams(seed).child("init");
            List<float[]> v = new ArrayList<>();
            for (int j = 0; j < decls.size(); j++) {
                Decl d = decls.get(j);
                float[] a = new float[Math.toIntExact(size(d.shape))];
                if (d.init == Init.ONES) java.util.Arrays.fill(a, 1f);
                if (d.init == Init.UNIFORM) {
                    SplittableRandom rng = streams.stream(j);
                    double bound = 1 / Math.sqrt(d.fanIn);
                    for (int i = 0; i < a.length; i++) a[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
                v.add(a);
            }
            return fromHost(device, v);
        }

        /** Weights with the given host values, in declaration order. */
        public Weights fromHost(Device device, List<float[]> values) {
            if (values.size() != decls.size()) throw new IllegalArgumentException("network needs " + decls.size() + " weight arrays, got " + values.size());
            NDManager m = NDManager.newBaseManager(device);
            try {
                NDList p = new NDList(decls.size());
                Map<String, Integer> index = new LinkedHashMap<>();
                for (int j = 0; j < decls.size(); j++) {
                    Decl d = decls.get(j);
                    if (values.get(j).length != size(d.shape)) {
                        throw new IllegalArgumentException(d.name + " must have " + size(d.shape) + " values, got " + values.get(j).length);
                    }
                    p.add(m.create(values.get(j), new Shape(d.shape)));
                    if (index.put(d.name, j) != null) throw new IllegalArgumentException("weight name " + d.name + " is declared twice");
                }
                return new Weights(m, p, index);
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
        }

        /** Names in declaration order. */
        public List<String> names() {
            List<String> n = new ArrayList<>();
            for (Decl d : decls) n.add(d.name);
            return n;
        }

        /** Total number of values. */
        public long count() {
            long n = 0;
            for (Decl d : decls) n += size(d.shape);
            return n;
        }

        private static long size(long[] shape) {
            long n = 1;
            for (long s : shape) n *= s;
            return n;
        }
    }

    private final NDManager manager;
    private final NDList params;
    private final Map<String, Integer> index;

    private Weights(NDManager manager, NDList params, Map<String, Integer> index) {
        this.manager = manager;
        this.params = params;
        this.index = index;
    }

    /** The weight called {@code name}. */
    public NDArray get(String name) {
        Integer j = index.get(name);
        if (j == null) throw new IllegalArgumentException("network has no weight '" + name + "'");
        return params.get(j);
    }

    /** All weights in declaration order (live). */
    public NDList list() { return params; }

    /** Names in declaration order. */
    public List<String> names() { return new ArrayList<>(index.keySet()); }

    /** The manager owning the weights. */
    public NDManager manager() { return manager; }

    /** Host copies in declaration order. */
    public List<float[]> host() {
        List<float[]> out = new ArrayList<>(params.size());
        for (NDArray a : params) out.add(a.toFloatArray());
        return out;
    }

    /** True when every weight is finite. */
    public boolean finite() {
        for (NDArray p : params) {
            try (NDArray s = p.sum()) {
                if (!Float.isFinite(s.getFloat())) return false;
            }
        }
        return true;
    }

    @Override
    public void close() { manager.close(); }
}
