package org.diffold.lab.experiment.generalization;

import java.util.SplittableRandom;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.random.RandomStreams;

/**
 * A manifold's law reweighted by a piecewise-constant factor (an irregular density, docs/math.md §6) [ours]: the
 * factor is w_j on the j-th of m equal cells of t = u . x / r in [-1, 1], u a unit vector in the manifold's span and
 * r its radius, sampled by rejection from the base law. Sample i uses only the streams keyed by i, as
 * {@link DataManifold} requires; the projection is the base's.
 */
final class ReweightedManifold implements DataManifold {
    private static final int MAX_TRIES = 4096;
    private final DataManifold base;
    private final String name;
    private final double[] u, weights;
    private final double radius, maxWeight;

    /** Reweights {@code base}; u is the normalised first sample of the base from {@code seed}. */
    ReweightedManifold(String name, DataManifold base, double radius, double[] weights, long seed) {
        this.base = base;
        this.name = name;
        this.radius = radius;
        this.weights = weights.clone();
        double mx = 0;
        for (double w : weights) {
            if (!(w > 0)) throw new IllegalArgumentException("weights must be > 0, got " + w);
            mx = Math.max(mx, w);
        }
        this.maxWeight = mx;
        u = base.sample(seed, 1);
        double nrm = 0;
        for (double v : u) nrm += v * v;
        nrm = Math.sqrt(nrm);
        for (int j = 0; j < u.length; j++) u[j] /= nrm;
    }

    @Override public String name() { return name; }
    @Override public int dim() { return base.dim(); }
    @Override public int intrinsicDim() { return base.intrinsicDim(); }
    @Override public double projectionTolerance() { return base.projectionTolerance(); }

    @Override
    public void project(double[] x, int xOff, double[] out, int outOff) { base.project(x, xOff, out, outOff); }

    @Override
    public void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        int d = dim();
        RandomStreams proposals = streams.child("reweight-proposal"), accept = streams.child("reweight-accept");
        double[] buf = new double[d];
        for (int i = 0; i < n; i++) {
            long idx = firstIndex + i;
            SplittableRandom a = accept.stream(idx);
            for (int t = 0; ; t++) {
                if (t == MAX_TRIES) throw new IllegalStateException("rejection sampling of " + name + " did not accept in " + MAX_TRIES + " tries");
                base.sample(proposals, idx * MAX_TRIES + t, 1, buf);
                if (a.nextDouble() * maxWeight < weight(buf)) break;
            }
            System.arraycopy(buf, 0, out, i * d, d);
        }
    }

    private double weight(double[] x) {
        double s = 0;
        for (int j = 0; j < u.length; j++) s += u[j] * x[j];
        double t = Math.max(-1, Math.min(1, s / radius));
        int cell = Math.min(weights.length - 1, (int) ((t + 1) / 2 * weights.length));
        return weights[cell];
    }
}
