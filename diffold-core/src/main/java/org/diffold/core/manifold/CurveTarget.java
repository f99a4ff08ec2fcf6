package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;

/**
 * A curve with a density along its parameter, in R^D through U (names {@code circle}, {@code helix}): samples
 * theta ~ rho and maps it; the exact score comes from {@link CurveQuadrature} (docs/math.md §5). Projection is the
 * curve's closed form where it has one (circle: exact), else {@link ParametricProjector} on a 4096-point grid
 * (tolerance {@link ParametricProjector#TOLERANCE}).
 */
public final class CurveTarget extends LatentManifoldTarget {
    private final CurveQuadrature quadrature;
    private final ParametricProjector projector;

    /** The curve (in R^m, m = subspace.k()) with density rho, using the default quadrature rule. */
    public CurveTarget(String name, Curve curve, ParameterDensity density, Subspace subspace) {
        this(name, new CurveQuadrature(curve, density), subspace);
    }

    /** As above with an explicit quadrature rule (for refinement studies). */
    public CurveTarget(String name, CurveQuadrature quadrature, Subspace subspace) {
        super(name, subspace, 1);
        if (quadrature.curve().dim() != subspace.k()) {
            throw new IllegalArgumentException("curve lives in R^" + quadrature.curve().dim() + " but the subspace has k=" + subspace.k());
        }
        this.quadrature = quadrature;
        Curve c = quadrature.curve();
        this.projector = c.hasExactProjection() ? null : new ParametricProjector(c.asParametrization(), 4096, 0);
    }

    /** A circle of the given radius with density rho on [0, 2 pi], embedded by U (D x 2). */
    public static CurveTarget circle(double radius, ParameterDensity density, Subspace subspace) {
        return new CurveTarget("circle", new CircleCurve(radius), density, subspace);
    }

    /** The benchmark helix (M5a) with density rho on [0, 2 pi], embedded by U (D x 3). */
    public static CurveTarget helix(ParameterDensity density, Subspace subspace) {
        return new CurveTarget("helix", new HelixCurve(), density, subspace);
    }

    /** The quadrature rule. */
    public CurveQuadrature quadrature() { return quadrature; }

    @Override
    public double projectionTolerance() { return projector == null ? 0 : ParametricProjector.TOLERANCE; }

    @Override
    protected LatentPosterior newPosterior() {
        CurveQuadrature.Evaluator ev = quadrature.evaluator();
        return ev::posteriorMean;
    }

    /** log q_t(y) of the latent noised law at y in R^m (for density checks); allocates an evaluator. */
    public double latentLogDensity(NoiseLevel level, double[] y) {
        return quadrature.evaluator().posteriorMean(level, y, new double[y.length]);
    }

    @Override
    protected void sampleLatent(SplittableRandom rng, double[] z) {
        quadrature.curve().point(quadrature.density().sample(rng), z, 0);
    }

    @Override
    protected void projectLatent(double[] y, double[] z) {
        Curve c = quadrature.curve();
        if (projector == null) c.point(c.nearestParameter(y), z, 0);
        else projector.project(y, 0, z, 0);
    }
}
