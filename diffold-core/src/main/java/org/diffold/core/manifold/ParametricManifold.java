package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * The image of a parameter box under a smooth map, sampled by drawing parameters from a given law (the density
 * along the manifold) and mapping them. Projection is numerical ({@link ParametricProjector}: accuracy
 * {@link ParametricProjector#TOLERANCE}, with 4096 grid anchors for curves and 16384 seeded anchors otherwise; that
 * class says when the result is the global nearest point). The intrinsic dimension is the number of parameters.
 */
public final class ParametricManifold implements DataManifold, Parametrization {
    /** phi: parameters -> R^D. */
    @FunctionalInterface
    public interface Embedding {
        /** Writes phi(p) into out[off .. off+D). */
        void embed(double[] p, double[] out, int off);
    }

    /** Draws the parameters of one sample. */
    @FunctionalInterface
    public interface ParameterSampler {
        /** Writes one draw into p[0 .. paramDim). */
        void sample(SplittableRandom rng, double[] p);
    }

    private final String name;
    private final int dim;
    private final double[] lower, upper;
    private final Embedding phi;
    private final ParameterSampler sampler;
    private volatile ParametricProjector projector;

    /**
     * @param lower lower bounds of the parameter box (its length is the intrinsic dimension)
     * @param upper upper bounds, each > the lower bound
     */
    public ParametricManifold(String name, int dim, double[] lower, double[] upper, Embedding phi, ParameterSampler sampler) {
        if (dim < 1) throw new IllegalArgumentException("dim (D) must be >= 1, got " + dim);
        if (lower.length < 1 || lower.length != upper.length || lower.length > dim) {
            throw new IllegalArgumentException("parameter box needs 1 <= p <= D bounds of equal length, got " + lower.length + " and " + upper.length);
        }
        for (int j = 0; j < lower.length; j++) {
            if (!(lower[j] < upper[j])) throw new IllegalArgumentException("parameter " + j + " needs lower < upper, got [" + lower[j] + ", " + upper[j] + "]");
        }
        this.name = name;
        this.dim = dim;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.phi = phi;
        this.sampler = sampler;
    }

    /** Uniform parameters on the box. */
    public static ParameterSampler uniform(double[] lower, double[] upper) {
        double[] lo = lower.clone(), hi = upper.clone();
        return (rng, p) -> { for (int j = 0; j < lo.length; j++) p[j] = lo[j] + (hi[j] - lo[j]) * rng.nextDouble(); };
    }

    @Override public String name() { return name; }
    @Override public int dim() { return dim; }
    @Override public int intrinsicDim() { return lower.length; }
    @Override public int paramDim() { return lower.length; }
    @Override public double lower(int j) { return lower[j]; }
    @Override public double upper(int j) { return upper[j]; }
    @Override public void embed(double[] p, double[] out, int off) { phi.embed(p, out, off); }

    @Override
    public void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        double[] p = new double[lower.length];
        for (int i = 0; i < n; i++) {
            sampler.sample(streams.stream(firstIndex + i), p);
            phi.embed(p, out, i * dim);
        }
    }

    @Override
    public void project(double[] x, int xOff, double[] out, int outOff) {
        projector().project(x, xOff, out, outOff);
    }

    /** The parameter of the nearest point to x (numerical, as {@link #project}). */
    public double[] projectParameter(double[] x, int xOff) {
        return projector().project(x, xOff, new double[dim], 0);
    }

    @Override public double projectionTolerance() { return ParametricProjector.TOLERANCE; }

    private ParametricProjector projector() {
        ParametricProjector pr = projector;
        if (pr == null) {
            synchronized (this) {
                if (projector == null) projector = new ParametricProjector(this, lower.length == 1 ? 4096 : 16384, 0);
                pr = projector;
            }
        }
        return pr;
    }
}
