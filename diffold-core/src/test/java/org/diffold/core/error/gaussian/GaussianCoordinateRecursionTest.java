package org.diffold.core.error.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussianCoordinateRecursionTest {
    private static final int[] STEPS = {100, 200, 500, 1000};

    @Test
    void liYanKeepsTheComplementExact() {
        for (int t : STEPS) {
            NoiseSchedule s = LiYanSchedule.create(t);
            // docs/math.md §4.1: r_1 = abar_T^2 (1 - abar_1) / (abar_1 (1 - abar_T)^2)
            double abarT = s.alphaBar(t), closed = abarT * abarT * s.oneMinusAlphaBar(1)
                    / (s.alphaBar(1) * s.oneMinusAlphaBar(t) * s.oneMinusAlphaBar(t));
            CoefficientDesign liYan = Designs.parse("li-yan");
            double r = GaussianCoordinateRecursion.complement(liYan, s).r();
            assertEquals(closed, r, 1e-12 * closed, "T=" + t);
            // the plan-based recursion resolves r only to its documented absolute level (a few 1e-16 per step)
            assertEquals(closed, GaussianCoordinateRecursion.run(liYan.plan(s), 0).r(), 3e-15, "T=" + t);
        }
        // docs/math.md §4.1: "~1e-13 at T=100"
        double r100 = GaussianCoordinateRecursion.complement(Designs.parse("li-yan"), LiYanSchedule.create(100)).r();
        assertTrue(r100 > 5e-14 && r100 < 5e-13, "r1=" + r100);
    }

    @Test
    void ddimPreservesTheStartMismatch() {
        // [derived] for ddim (sigma = 0 on the DDIM curve) each step has g^2 m_t / m_{t-1} = 1 and no forcing, so
        // r_1 = r_T = abar_T / (1 - abar_T): only the N(0, 1) start mismatch remains (3.3e-5 at T = 100)
        for (int t : STEPS) {
            NoiseSchedule s = LiYanSchedule.create(t);
            double want = s.alphaBar(t) / s.oneMinusAlphaBar(t);
            // ddim is not an eta = 1 - alpha design, so this is the plan recursion: absolute error ~1e-16 per step
            assertEquals(want, GaussianCoordinateRecursion.complement(Designs.parse("ddim"), s).r(), 1e-16 * t, "T=" + t);
        }
    }

    @Test
    void classicMatchesTheSpecValues() {
        // docs/math.md §4.1: classic r_1 ≈ c1 log T / T: 0.203 at T=100, 0.028 at T=1000 (c0=2, c1=4), stated to
        // 3 and 2 significant digits, so the tolerance is half a unit in the last stated digit
        double r100 = GaussianCoordinateRecursion.complement(Designs.parse("classic"), LiYanSchedule.create(100)).r();
        double r1000 = GaussianCoordinateRecursion.complement(Designs.parse("classic"), LiYanSchedule.create(1000)).r();
        assertEquals(0.203, r100, 0.0005);
        assertEquals(0.028, r1000, 0.0005);
        // KL_perp ≈ r^2 / 4; the next term of 0.5[log(1+r) - r/(1+r)] is -r^3/3 (Taylor series)
        for (double r : new double[] {r100, r1000}) {
            double kl = GaussianDivergence.kl(r);
            assertEquals(r * r / 4 - r * r * r / 3, kl, r * r * r * r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"li-yan", "classic", "ho-large"})
    void planRecursionMatchesTheSpecRelativeRecursion(String name) {
        // docs/math.md §4.1 for eta = 1 - alpha designs, written out independently of the production code:
        // r_{t-1} = (1 - rho_t) r_t + (sigma_t^2 - sigma*_t^2) / (alpha_t (1 - abar_{t-1})), r_T = abar_T / (1 - abar_T)
        NoiseSchedule s = LiYanSchedule.create(200);
        CoefficientDesign d = Designs.parse(name);
        StepPlan plan = d.plan(s);
        double[] trace = new double[plan.size()];
        GaussianCoordinateRecursion.run(plan, 0, trace);
        double r = s.alphaBar(200) / s.oneMinusAlphaBar(200);
        for (int t = 200, i = 0; t >= 2; t--, i++) {
            double rho = s.beta(t) / s.oneMinusAlphaBar(t);
            double sigmaStar2 = s.beta(t) * s.alpha(t) * s.oneMinusAlphaBar(t - 1) / s.oneMinusAlphaBar(t);
            r = (1 - rho) * r + (d.sigma2(s, t) - sigmaStar2) / (s.alpha(t) * s.oneMinusAlphaBar(t - 1));
            assertEquals(r, trace[i], 1e-14 + 1e-12 * Math.abs(r), name + " t=" + t);
        }
        assertEquals(r, GaussianCoordinateRecursion.complement(d, s).r(), 1e-14 + 1e-12 * Math.abs(r), name);
    }

    @Test
    void relativeFormMatchesTheDirectVarianceRecursion() {
        // v <- (a - b/m)^2 v + n^2 from v = 1 (docs/math.md §4.2), for lambda > 0 where r is not tiny
        for (String name : new String[] {"li-yan", "classic", "ddim", "ho-large", "ddim-eta:0.3"}) {
            StepPlan plan = Designs.parse(name).plan(LiYanSchedule.create(100));
            for (double lambda : new double[] {0.1, 1, 4}) {
                double v = 1;
                for (int i = 0; i < plan.size(); i++) {
                    NoiseLevel l = plan.level(i);
                    double g = plan.a(i) - plan.b(i) / (lambda * l.alphaBar() + l.sigma2());
                    v = g * g * v + plan.noise(i) * plan.noise(i);
                }
                NoiseLevel out = plan.outputLevel();
                double s = lambda * out.alphaBar() + out.sigma2();
                GaussianCoordinateRecursion.Result res = GaussianCoordinateRecursion.run(plan, lambda);
                assertEquals(s, res.s(), 1e-15 * s);
                assertEquals(v, res.v(), 1e-12 * v, name + " lambda=" + lambda);
                assertEquals(v / s - 1, res.r(), 1e-12, name + " lambda=" + lambda);
            }
        }
    }

    @Test
    void worksForContinuousTimePlans() {
        // exponential integrator on a uniform OU grid (docs/math.md §3.2) on a point-mass coordinate: score -y / sigma_t'^2;
        // compare the relative recursion with the direct variance recursion
        int steps = 50;
        double horizon = 5, gamma = (horizon - 0.01) / steps;
        double[] a = new double[steps], b = new double[steps], n = new double[steps];
        NoiseLevel[] levels = new NoiseLevel[steps];
        String[] labels = new String[steps];
        for (int i = 0; i < steps; i++) {
            double tStart = horizon - i * gamma;
            a[i] = Math.exp(gamma);
            b[i] = 2 * Math.expm1(gamma);
            n[i] = Math.sqrt(Math.expm1(2 * gamma));
            levels[i] = NoiseLevel.ofOuTime(tStart);
            labels[i] = "k=" + i;
        }
        StepPlan plan = new StepPlan("ei", a, b, n, levels, labels, NoiseLevel.ofOuTime(horizon - steps * gamma));
        double v = 1;
        for (int i = 0; i < steps; i++) {
            double g = a[i] - b[i] / levels[i].sigma2();
            v = g * g * v + n[i] * n[i];
        }
        GaussianCoordinateRecursion.Result res = GaussianCoordinateRecursion.run(plan, 0);
        assertEquals(v, res.v(), 1e-12 * v);
        assertTrue(res.r() > 0.01, "the exponential integrator's frozen score leaves a fixed error per coordinate");
    }

    @Test
    void rejectsNegativeLambda() {
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianCoordinateRecursion.run(plan, -1));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    }
}
