package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.special.Bessel;

/**
 * {@code sphere}: the uniform law on the radius-R sphere S^{m-1} in R^m (intrinsic dimension m - 1), embedded by U
 * (D x m). The posterior of z given y = c z + sigma Z is von Mises–Fisher with kappa = c R |y| / sigma^2, so
 * m_t(y) = R A_m(kappa) y / |y| with A_m = I_{m/2} / I_{m/2-1} (docs/math.md §5; {@link Bessel#ratio}, stable for all
 * kappa). Projection is exact: R y / |y| (any point at the centre, where all are nearest).
 */
public final class SphereTarget extends LatentManifoldTarget {
    private final double radius;

    /** radius > 0; U is D x m with m >= 2 (S^1 is the circle). */
    public SphereTarget(double radius, Subspace subspace) {
        this("sphere", radius, subspace);
    }

    /** As above under another name (e.g. {@code M1_Sphere}). */
    public SphereTarget(String name, double radius, Subspace subspace) {
        super(name, subspace, subspace.k() - 1);
        if (!(radius > 0) || Double.isInfinite(radius)) throw new IllegalArgumentException("radius must be > 0 and finite, got " + radius);
        this.radius = radius;
    }

    /** The radius R. */
    public double radius() { return radius; }

    @Override public double projectionTolerance() { return 0; }

    @Override
    protected LatentPosterior newPosterior() {
        double nu = subspace().k() / 2.0;
        return (level, y, mean) -> {
            double norm = 0;
            for (double v : y) norm += v * v;
            norm = Math.sqrt(norm);
            if (norm == 0) {
                for (int r = 0; r < y.length; r++) mean[r] = 0;
                return;
            }
            double kappa = level.c() * radius * norm / level.sigma2();
            double scale = radius * Bessel.ratio(nu, kappa) / norm;
            for (int r = 0; r < y.length; r++) mean[r] = scale * y[r];
        };
    }

    @Override
    protected void sampleLatent(SplittableRandom rng, double[] z) {
        double s = 0;
        for (int r = 0; r < z.length; r++) { z[r] = rng.nextGaussian(); s += z[r] * z[r]; }
        double scale = radius / Math.sqrt(s);
        for (int r = 0; r < z.length; r++) z[r] *= scale;
    }

    @Override
    protected void projectLatent(double[] y, double[] z) {
        double s = 0;
        for (double v : y) s += v * v;
        if (s == 0) {
            z[0] = radius;
            for (int r = 1; r < z.length; r++) z[r] = 0;
            return;
        }
        double scale = radius / Math.sqrt(s);
        for (int r = 0; r < y.length; r++) z[r] = scale * y[r];
    }
}
