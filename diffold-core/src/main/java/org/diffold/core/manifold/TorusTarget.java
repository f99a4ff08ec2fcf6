package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;

/**
 * {@code torus}: the flat torus (R1 cos t1, R1 sin t1, R2 cos t2, R2 sin t2) in R^4 (intrinsic dimension 2) with a
 * product density rho1(t1) rho2(t2), embedded by U (D x 4). The noised latent law is the product of two noised
 * circles in orthogonal planes, so the posterior mean is two {@link CurveQuadrature} posterior means
 * (docs/math.md §5); projection is exact (each plane's point scaled to its radius).
 */
public final class TorusTarget extends LatentManifoldTarget {
    private final CurveQuadrature first, second;

    /** Radii R1, R2 > 0 and densities on [0, 2 pi]. */
    public TorusTarget(double r1, double r2, ParameterDensity rho1, ParameterDensity rho2, Subspace subspace) {
        super("torus", subspace, 2);
        if (subspace.k() != 4) throw new IllegalArgumentException("the flat torus lives in R^4, subspace has k=" + subspace.k());
        first = new CurveQuadrature(new CircleCurve(r1), rho1);
        second = new CurveQuadrature(new CircleCurve(r2), rho2);
    }

    @Override public double projectionTolerance() { return 0; }

    @Override
    protected LatentPosterior newPosterior() {
        CurveQuadrature.Evaluator a = first.evaluator(), b = second.evaluator();
        double[] ya = new double[2], yb = new double[2], ma = new double[2], mb = new double[2];
        return (level, y, mean) -> {
            ya[0] = y[0]; ya[1] = y[1]; yb[0] = y[2]; yb[1] = y[3];
            a.posteriorMean(level, ya, ma);
            b.posteriorMean(level, yb, mb);
            mean[0] = ma[0]; mean[1] = ma[1]; mean[2] = mb[0]; mean[3] = mb[1];
        };
    }

    @Override
    protected void sampleLatent(SplittableRandom rng, double[] z) {
        first.curve().point(first.density().sample(rng), z, 0);
        double t2 = second.density().sample(rng);
        double[] p = new double[2];
        second.curve().point(t2, p, 0);
        z[2] = p[0];
        z[3] = p[1];
    }

    @Override
    protected void projectLatent(double[] y, double[] z) {
        Curve c1 = first.curve(), c2 = second.curve();
        c1.point(c1.nearestParameter(y), z, 0);
        double[] p = new double[2];
        c2.point(c2.nearestParameter(new double[] {y[2], y[3]}), p, 0);
        z[2] = p[0];
        z[3] = p[1];
    }

    /** log q_t(y) of the latent noised law at y in R^4: the sum of the two circles' (for density checks). */
    public double latentLogDensity(NoiseLevel level, double[] y) {
        return first.evaluator().posteriorMean(level, new double[] {y[0], y[1]}, new double[2])
                + second.evaluator().posteriorMean(level, new double[] {y[2], y[3]}, new double[2]);
    }
}
