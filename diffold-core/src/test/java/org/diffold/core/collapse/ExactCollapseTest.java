package org.diffold.core.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.manifold.CurveTarget;
import org.diffold.core.manifold.SphereTarget;
import org.diffold.core.manifold.UniformDensity;
import org.diffold.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

class ExactCollapseTest {
    private static final int D = 16;

    private static CurveTarget circle() {
        return CurveTarget.circle(1, new UniformDensity(0, 2 * Math.PI), Subspace.random(D, 2, new RandomStreams(7).stream(0)));
    }

    @Test
    void exactDenoiserOnTheCircleInR16HasOneSingularValueNearOneOverR() {
        CurveTarget c = circle();
        double r = 1.24;
        double[] x = new double[D];
        c.subspace().lift(new double[] {r * Math.cos(0.3), r * Math.sin(0.3)}, x, 0);
        double sigma = 0.01;
        double[] sv = JacobianSpectrum.singularValues(new ScoreDenoiser(c.score(), sigma), x, 1e-5);
        // Laplace: the tangent gain of the projection x/|x| is 1/r; the radial derivative of E[cos(theta - phi) | x]
        // is O(sigma^2 / r^3) and the 14 out-of-plane directions are exactly 0 (up to differencing error).
        assertEquals(1 / r, sv[0], 2e-3);
        for (int j = 1; j < D; j++) assertTrue(sv[j] < 1e-3, "singular value " + j + " = " + sv[j]);
        double[] d = new double[D], p = new double[D];
        new ScoreDenoiser(c.score(), sigma).denoise(x, d);
        c.project(x, 0, p, 0);
        double dist = 0;
        for (int j = 0; j < D; j++) dist += (d[j] - p[j]) * (d[j] - p[j]);
        assertTrue(Math.sqrt(dist) < 1e-3, "distance to the projection " + Math.sqrt(dist));
    }

    @Test
    void rankFallsToTheIntrinsicDimensionAsSigmaShrinks() {
        CurveTarget c = circle();
        CollapseStudy study = new CollapseStudy(4, 0.05, 0.1, 1e-5, 3);
        List<CollapseStudy.Row> rows = study.run(c, new double[] {0.5, 0.1, 0.01}, s -> new ScoreDenoiser(c.score(), s));
        assertEquals(2, rows.get(0).rank(), "at sigma 0.5 the radial direction is not yet contracted");
        assertEquals(1, rows.get(2).rank());
        assertTrue(rows.get(2).projectionDistance() < 1e-3);
        assertTrue(rows.get(0).projectionDistance() > 10 * rows.get(2).projectionDistance());
    }

    @Test
    void sphereCollapsesToRankTwo() {
        SphereTarget s = new SphereTarget(1, Subspace.random(8, 3, new RandomStreams(5).stream(0)));
        CollapseStudy study = new CollapseStudy(3, 0.05, 0.1, 1e-5, 4);
        List<CollapseStudy.Row> rows = study.run(s, new double[] {0.02}, sg -> new ScoreDenoiser(s.score(), sg));
        assertEquals(2, rows.get(0).rank());
        assertTrue(rows.get(0).projectionDistance() < 5e-3, "distance " + rows.get(0).projectionDistance());
    }
}
