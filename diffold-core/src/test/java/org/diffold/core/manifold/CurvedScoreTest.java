package org.diffold.core.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.score.Score;
import org.diffold.core.special.Bessel;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

/** Exact scores of curved targets (docs/math.md §5): quadrature versus closed forms, refinement, finite differences. */
class CurvedScoreTest {
    /** Noise levels from sigma^2 = 1e-4 (Li–Yan's beta_1 at T = 100, spec §2.1) to nearly pure noise. */
    static final NoiseLevel[] LEVELS = {NoiseLevel.ofLogAlphaBar(Math.log1p(-1e-4)), NoiseLevel.ofLogAlphaBar(-0.01),
            NoiseLevel.ofLogAlphaBar(-0.3), NoiseLevel.ofLogAlphaBar(-2), NoiseLevel.ofLogAlphaBar(-8)};

    static double[] score(Score s, NoiseLevel level, double[] x) {
        double[] out = new double[x.length];
        s.evaluator().score(level, x, out, 0, 1);
        return out;
    }

    @Test
    void uniformCircleQuadratureMatchesVonMisesFisher() {
        // the uniform circle is S^1: the k = 2 vMF posterior mean R A_2(kappa) y/|y| (SphereTarget) is its closed form
        SplittableRandom r = new SplittableRandom(1);
        Subspace u = Subspace.random(5, 2, r);
        CurveTarget circle = CurveTarget.circle(1.3, new UniformDensity(0, 2 * Math.PI), u);
        SphereTarget sphere = new SphereTarget(1.3, u);
        for (NoiseLevel level : LEVELS) {
            for (int t = 0; t < 20; t++) {
                double[] x = new double[5];
                for (int j = 0; j < 5; j++) x[j] = 1.5 * r.nextGaussian();
                double[] a = score(circle.score(), level, x), b = score(sphere.score(), level, x);
                double norm = 0;
                for (double v : b) norm = Math.max(norm, Math.abs(v));
                for (int j = 0; j < 5; j++) assertEquals(b[j], a[j], 1e-9 * norm, level + " coordinate " + j);
            }
        }
    }

    @Test
    void lineWithMixtureDensityMatchesTheOneDimensionalMixtureScore() {
        // a straight "curve" phi(theta) = theta in R^1 carrying the density of Mixture1D: its noised law is the
        // closed-form mixture p_t = sum w N(c mu, c^2 v + sigma^2) (spec §4.3, §5)
        Mixture1D mix = Mixture1D.defaultFactor();
        double rad = mix.radius();
        Curve line = new Curve() {
            @Override public int dim() { return 1; }
            @Override public double lower() { return -rad; }
            @Override public double upper() { return rad; }
            @Override public void point(double theta, double[] out, int off) { out[off] = theta; }
            @Override public double speedBound() { return 1; }
        };
        ParameterDensity rho = new ParameterDensity() {
            @Override public double lower() { return -rad; }
            @Override public double upper() { return rad; }
            @Override public double logDensity(double t) { return mix.logDensity(null, t); }
            @Override public double sample(SplittableRandom rng) { return mix.sample(rng); }
            @Override public double[] breakpoints() { return new double[] {-rad, rad}; }
            @Override public String describe() { return "mixture"; }
        };
        CurveTarget target = new CurveTarget("line", line, rho, Subspace.coordinate(1, 1));
        for (NoiseLevel level : LEVELS) {
            for (double y = -3; y <= 3; y += 0.37) {
                double want = mix.score(level, y), got = score(target.score(), level, new double[] {y})[0];
                assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), level + " y=" + y);
                assertEquals(mix.logDensity(level, y), target.latentLogDensity(level, new double[] {y}), 1e-9);
            }
        }
    }

    @Test
    void quadratureIsStableUnderRefinementForNonSmoothDensities() {
        // halving the panel width and doubling the nodes changes the score by < 1e-9 relative: the stated accuracy
        PiecewiseConstantDensity steps = new PiecewiseConstantDensity(0, 2 * Math.PI, new double[] {1, 5, 0.5, 2});
        for (Curve c : new Curve[] {new CircleCurve(1), new HelixCurve()}) {
            Subspace u = Subspace.coordinate(c.dim(), c.dim());
            CurveTarget base = new CurveTarget("c", new CurveQuadrature(c, steps), u);
            CurveTarget fine = new CurveTarget("c", new CurveQuadrature(c, steps, 16, 1, 256), u);
            SplittableRandom r = new SplittableRandom(2);
            for (NoiseLevel level : LEVELS) {
                for (int t = 0; t < 10; t++) {
                    double[] x = new double[c.dim()];
                    base.sample(new RandomStreams(t), 0, 1, x);
                    for (int j = 0; j < x.length; j++) x[j] = level.c() * x[j] + Math.sqrt(level.sigma2()) * r.nextGaussian();
                    double[] a = score(base.score(), level, x), b = score(fine.score(), level, x);
                    double norm = 0;
                    for (double v : b) norm = Math.max(norm, Math.abs(v));
                    for (int j = 0; j < x.length; j++) assertEquals(b[j], a[j], 1e-9 * norm, c.getClass().getSimpleName() + " " + level);
                }
            }
        }
    }

    @Test
    void scoreIsTheGradientOfTheQuadratureLogDensity() {
        // central differences of log q_t (returned by the same quadrature) against the score, torus and helix
        PiecewiseConstantDensity steps = new PiecewiseConstantDensity(0, 2 * Math.PI, new double[] {2, 1, 3});
        TorusTarget torus = new TorusTarget(1, 0.6, steps, new UniformDensity(0, 2 * Math.PI), Subspace.coordinate(4, 4));
        CurveTarget helix = CurveTarget.helix(steps, Subspace.coordinate(3, 3));
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(-0.2);
        SplittableRandom r = new SplittableRandom(3);
        double h = 1e-5;
        for (int t = 0; t < 10; t++) {
            double[] x = new double[4];
            for (int j = 0; j < 4; j++) x[j] = r.nextGaussian();
            double[] s = score(torus.score(), level, x);
            double[] h3 = {x[0], x[1], x[2]};
            double[] sh = score(helix.score(), level, h3);
            for (int j = 0; j < 4; j++) {
                double[] p = x.clone(), m = x.clone();
                p[j] += h;
                m[j] -= h;
                assertEquals((torus.latentLogDensity(level, p) - torus.latentLogDensity(level, m)) / (2 * h), s[j], 1e-6);
                if (j < 3) {
                    double[] p3 = h3.clone(), m3 = h3.clone();
                    p3[j] += h;
                    m3[j] -= h;
                    assertEquals((helix.latentLogDensity(level, p3) - helix.latentLogDensity(level, m3)) / (2 * h), sh[j], 1e-6);
                }
            }
        }
    }

    @Test
    void sphereScoreFollowsTheVonMisesFisherFormula() {
        // S^2 in R^3: A_3(kappa) = coth kappa - 1/kappa, so s(x) = (c R A_3 x/|x| - x) / sigma^2 (spec §5)
        SphereTarget s = new SphereTarget(2, Subspace.coordinate(3, 3));
        for (NoiseLevel level : LEVELS) {
            double[] x = {0.3, -1.1, 0.8};
            double norm = Math.sqrt(0.09 + 1.21 + 0.64), kappa = level.c() * 2 * norm / level.sigma2();
            double a3 = kappa > 1e-3 ? 1 / Math.tanh(kappa) - 1 / kappa : kappa / 3;
            double[] got = score(s.score(), level, x);
            for (int j = 0; j < 3; j++) {
                double want = (level.c() * 2 * a3 * x[j] / norm - x[j]) / level.sigma2();
                assertEquals(want, got[j], 1e-12 * Math.max(1, Math.abs(want)));
            }
            assertEquals(a3, Bessel.ratio(1.5, kappa), 1e-13);
        }
    }

    @Test
    void exactCircleScoreDrivesTheSamplerOntoTheCircle() {
        // the li-yan design with the exact score is exact on the complement and accurate along the curve (spec §3.1,
        // §4.1): samples end within a few sigma_1 = 0.01 of the circle (T = 100, beta_1 = 1e-4, spec §2.1)
        CurveTarget circle = CurveTarget.circle(1, new PiecewiseConstantDensity(0, 2 * Math.PI, new double[] {1, 3}),
                Subspace.random(6, 2, new SplittableRandom(4)));
        AffineSampler sampler = new AffineSampler(Designs.parse("li-yan").plan(LiYanSchedule.create(100)), true);
        int n = 200;
        double[] out = new double[n * 6];
        sampler.sample(circle.score(), new RandomStreams(9), 0, n, out, 2, null);
        double worst = 0;
        for (int i = 0; i < n; i++) worst = Math.max(worst, circle.distance(out, i * 6));
        assertTrue(worst < 0.05, "max distance to the circle " + worst);
    }
}
