package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * The boundary of the unit cube [0, 1]^{d+1}, a d-dimensional manifold in R^{d+1} (the benchmark's M10 "hypercubes",
 * docs/benchmark-manifolds.md). Sample i lies on face i mod 2(d+1) (face f: coordinate f/2 fixed at f mod 2, the others
 * uniform), so faces are balanced to within one point; scikit-dimension fills faces in blocks of
 * floor(n / (2(d+1))) + 1 and truncates, leaving its last faces short (a quirk fixed here). Projection is exact:
 * clamp to the cube, and for an interior point push the coordinate nearest to 0 or 1 onto that face.
 */
public final class CubeBoundary implements DataManifold {
    private final String name;
    private final int d;

    /** The boundary of [0, 1]^{d+1}, d >= 1. */
    public CubeBoundary(String name, int d) {
        if (d < 1) throw new IllegalArgumentException("cube boundary dimension d must be >= 1, got " + d);
        this.name = name;
        this.d = d;
    }

    @Override public String name() { return name; }
    @Override public int dim() { return d + 1; }
    @Override public int intrinsicDim() { return d; }
    @Override public double projectionTolerance() { return 0; }

    @Override
    public void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        int dim = d + 1;
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = streams.stream(firstIndex + i);
            int face = (int) Math.floorMod(firstIndex + i, (long) 2 * dim);
            for (int j = 0; j < dim; j++) out[i * dim + j] = rng.nextDouble();
            out[i * dim + face / 2] = face % 2;
        }
    }

    @Override
    public void project(double[] x, int xOff, double[] out, int outOff) {
        int dim = d + 1;
        boolean inside = true;
        int nearest = 0;
        double nearestGap = Double.POSITIVE_INFINITY;
        for (int j = 0; j < dim; j++) {
            double v = x[xOff + j];
            if (v < 0 || v > 1) inside = false;
            double c = Math.max(0, Math.min(1, v));
            out[outOff + j] = c;
            double gap = Math.min(c, 1 - c);
            if (gap < nearestGap) { nearestGap = gap; nearest = j; }
        }
        if (inside) out[outOff + nearest] = out[outOff + nearest] < 0.5 ? 0 : 1;
    }
}
