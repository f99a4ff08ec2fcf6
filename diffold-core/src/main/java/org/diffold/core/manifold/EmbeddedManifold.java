package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;

/**
 * A manifold M0 in R^m placed isometrically in R^D by an orthonormal map U (D x m), optionally with noise added to
 * the samples (the manifold itself stays U M0): intrinsic dimension is kept while D is swept
 * (docs/benchmark-manifolds.md). Projection: U proj_{M0}(U^T x), exact whenever M0's is, since
 * |x - U z|^2 = |U^T x - z|^2 + |P_perp x|^2.
 *
 * <p>Noise (scikit-dimension's options): {@code uniform} adds (U - 1/2) * level per coordinate, {@code normal} adds
 * N(0, 1) * level, from streams independent of the manifold's (child "embedding-noise").
 */
public final class EmbeddedManifold implements DataManifold {
    /** Noise added to each ambient coordinate of a sample. */
    public enum Noise {
        /** No noise. */
        NONE,
        /** N(0, 1) * level. */
        NORMAL,
        /** (U - 1/2) * level. */
        UNIFORM
    }

    private final String name;
    private final DataManifold base;
    private final Subspace map;
    private final Noise noise;
    private final double level;

    /**
     * @param map U with map.k() = base.dim()
     * @param level noise scale >= 0 (ignored for NONE)
     */
    public EmbeddedManifold(String name, DataManifold base, Subspace map, Noise noise, double level) {
        if (map.k() != base.dim()) throw new IllegalArgumentException("map must be D x " + base.dim() + ", got D x " + map.k());
        if (!(level >= 0) || Double.isInfinite(level)) throw new IllegalArgumentException("noise level must be >= 0 and finite, got " + level);
        this.name = name;
        this.base = base;
        this.map = map;
        this.noise = noise;
        this.level = level;
    }

    /** M0 in R^D by a uniformly random orthonormal map drawn from {@code seed}, without noise. */
    public static EmbeddedManifold random(DataManifold base, int dim, long seed) {
        return new EmbeddedManifold(base.name(), base, Subspace.random(dim, base.dim(),
                new RandomStreams(seed).child("embedding").stream(0)), Noise.NONE, 0);
    }

    /** The base manifold M0. */
    public DataManifold base() { return base; }

    /** The map U. */
    public Subspace map() { return map; }

    @Override public String name() { return name; }
    @Override public int dim() { return map.dim(); }
    @Override public int intrinsicDim() { return base.intrinsicDim(); }
    @Override public double projectionTolerance() { return base.projectionTolerance(); }

    @Override
    public void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        int m = base.dim(), d = dim();
        double[] z = new double[n * m];
        base.sample(streams, firstIndex, n, z);
        double[] row = new double[m];
        RandomStreams noiseStreams = streams.child("embedding-noise");
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, i * m, row, 0, m);
            map.lift(row, out, i * d);
            if (noise == Noise.NONE || level == 0) continue;
            SplittableRandom rng = noiseStreams.stream(firstIndex + i);
            for (int j = i * d; j < (i + 1) * d; j++) {
                out[j] += level * (noise == Noise.NORMAL ? rng.nextGaussian() : rng.nextDouble() - 0.5);
            }
        }
    }

    @Override
    public void project(double[] x, int xOff, double[] out, int outOff) {
        int m = base.dim();
        double[] y = new double[m], z = new double[m];
        map.project(x, xOff, y);
        base.project(y, 0, z, 0);
        map.lift(z, out, outOff);
    }
}
