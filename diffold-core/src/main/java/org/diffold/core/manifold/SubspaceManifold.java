package org.diffold.core.manifold;

import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.SubspaceTarget;

/**
 * A linear-subspace target of {@link org.diffold.core.target} (Gaussian, Gaussian mixture, product) seen as a data
 * manifold: its support is the whole k-dimensional subspace, so the projection is exact, x -> U U^T x.
 */
public final class SubspaceManifold implements DataManifold {
    private final String name;
    private final SubspaceTarget target;

    /** The target under its own name. */
    public SubspaceManifold(SubspaceTarget target) {
        this(target.name(), target);
    }

    /** The target under another name (e.g. {@code M12_Norm}). */
    public SubspaceManifold(String name, SubspaceTarget target) {
        this.name = name;
        this.target = target;
    }

    /** The wrapped target (with its exact score). */
    public SubspaceTarget target() { return target; }

    @Override public String name() { return name; }
    @Override public int dim() { return target.dim(); }
    @Override public int intrinsicDim() { return target.intrinsicDim(); }
    @Override public double projectionTolerance() { return 0; }

    @Override
    public void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        target.sample(streams, firstIndex, n, out);
    }

    @Override
    public void project(double[] x, int xOff, double[] out, int outOff) {
        double[] y = new double[target.subspace().k()];
        target.subspace().project(x, xOff, y);
        target.subspace().lift(y, out, outOff);
    }
}
