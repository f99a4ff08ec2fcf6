package org.diffold.core.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Simd;
import org.diffold.core.process.NoiseLevel;
import org.junit.jupiter.api.Test;

/**
 * The quadrature's exp (docs/math.md §9), its panel pruning (same bits as the full pass) and its scalar twin (same
 * bits as the vector pass).
 */
class VectorQuadratureTest {
    @Test
    void expIsAccurateOnTheWeightsRangeAndTheSameBitsScalarAndVector() {
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[4], p = new double[8], mean = new double[2];
        int[] run = {0, 4};
        for (int i = 0; i < 100_000; i++) {
            for (int l = 0; l < 4; l++) x[l] = i < 4 ? -l * 1e-300 : -45 * r.nextDouble();
            double[] e = new double[4];
            for (int l = 0; l < 4; l++) {
                e[l] = ScalarQuadrature.exp(x[l]);
                assertEquals(Math.exp(x[l]), e[l], 4e-16 * Math.exp(x[l]), "exp(" + x[l] + ")");
                p[l] = 1; p[4 + l] = l == 0 ? 1 : 0;
            }
            // weigh's vector exp: den = (e0 + e1) + (e2 + e3), mean[1] = e0, same bits as the scalar exp
            double den = VectorQuadrature.weigh(run, 2, 2, 4, p, x, 0, -1e300, mean, new double[ScalarQuadrature.LANE_SCRATCH]);
            assertEquals(Double.doubleToRawLongBits((e[0] + e[1]) + (e[2] + e[3])), Double.doubleToRawLongBits(den), "den");
            assertEquals(Double.doubleToRawLongBits(e[0]), Double.doubleToRawLongBits(mean[1]), "lane 0");
        }
        assertEquals(1.0, ScalarQuadrature.exp(0.0), 0.0);
        assertEquals(Math.exp(-700), ScalarQuadrature.exp(Double.NEGATIVE_INFINITY), 1e-15 * Math.exp(-700), "clamped");
    }

    @Test
    void panelPruningChangesNoBit() {
        // the pruned pass against the full pass, at noise levels where most panels are pruned and where none are
        CurveQuadrature q = new CurveQuadrature(new CircleCurve(1.5), new UniformDensity(0, 2 * Math.PI));
        SplittableRandom r = new SplittableRandom(6);
        for (double abar : new double[] {0.01, 0.5, 0.99, 0.99999, 0.9999999}) {
            NoiseLevel level = NoiseLevel.ofLogAlphaBar(Math.log(abar));
            CurveQuadrature.Evaluator e = q.evaluator();
            double[] y = new double[2], pruned = new double[2], full = new double[2];
            for (int i = 0; i < 200; i++) {
                double t = 2 * Math.PI * r.nextDouble(), s = Math.sqrt(1 - abar) * r.nextGaussian();
                y[0] = Math.sqrt(abar) * 1.5 * Math.cos(t) + s;
                y[1] = Math.sqrt(abar) * 1.5 * Math.sin(t) + Math.sqrt(1 - abar) * r.nextGaussian();
                double lp = e.posteriorMean(level, y, pruned);
                double lf = e.posteriorMeanWithoutPruning(level, y, full);
                assertEquals(Double.doubleToRawLongBits(lf), Double.doubleToRawLongBits(lp), "log q, abar " + abar);
                for (int d = 0; d < 2; d++) {
                    assertEquals(Double.doubleToRawLongBits(full[d]), Double.doubleToRawLongBits(pruned[d]), "mean, abar " + abar);
                }
            }
        }
    }

    @Test
    void blockPruningKeepsEveryPanelThePanelTestKeeps() {
        // the two-level pass (blocks of 16 panels, then panels) against every panel tested one by one, on a circle
        // with a piecewise density (blocks straddle breakpoints) and on a helix in R^3, from 64 to thousands of panels
        CurveQuadrature circle = new CurveQuadrature(new CircleCurve(1.5),
                new PiecewiseConstantDensity(0, 2 * Math.PI, new double[] {1, 3, 0.5}));
        CurveQuadrature helix = new CurveQuadrature(new HelixCurve(), new UniformDensity(0, 2 * Math.PI));
        SplittableRandom r = new SplittableRandom(9);
        int blocksSkipped = 0;
        for (CurveQuadrature q : new CurveQuadrature[] {circle, helix}) {
            int m = q.curve().dim();
            for (double abar : new double[] {0.01, 0.5, 0.99, 0.99999, 0.9999999}) {
                NoiseLevel level = NoiseLevel.ofLogAlphaBar(Math.log(abar));
                CurveQuadrature.Evaluator e = q.evaluator();
                double[] y = new double[m], point = new double[m];
                for (int i = 0; i < 200; i++) {
                    double t = q.curve().lower() + (q.curve().upper() - q.curve().lower()) * r.nextDouble();
                    q.curve().point(t, point, 0);
                    for (int d = 0; d < m; d++) y[d] = Math.sqrt(abar) * point[d] + Math.sqrt(1 - abar) * r.nextGaussian();
                    java.util.Set<Integer> kept = new java.util.HashSet<>();
                    for (int p : e.keptPanels(level, y)) kept.add(p);
                    int[] flat = e.flatRuns(level, y);
                    for (int p : flat) assertTrue(kept.contains(p), "panel " + p + " kept by the panel test, abar " + abar);
                    if (kept.size() + CurveQuadrature.BLOCK_PANELS <= e.panelCount()) blocksSkipped++;
                }
            }
        }
        assertTrue(blocksSkipped > 500, "blocks are skipped at small noise: " + blocksSkipped);
    }

    @Test
    void scalarTwinGivesTheVectorPassBitsOnCurvesInR2AndR3() {
        // a JVM without jdk.incubator.vector (or -Ddiffold.scalar=true) must sample the same bits: circle with a
        // piecewise density and helix, 8 nodes per panel (whole groups of 4, pruned) and 5 or 6 (one run with a
        // partial last group), pruned and full passes, from large to very small noise, near and far from the curve
        assumeTrue(Simd.available(), "the vector pass needs jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(12);
        int compared = 0;
        for (int nodes : new int[] {8, 5, 6}) {
            CurveQuadrature[] rules = {
                new CurveQuadrature(new CircleCurve(1.5), new PiecewiseConstantDensity(0, 2 * Math.PI,
                        new double[] {1, 3, 0.5}), nodes, CurveQuadrature.DEFAULT_PANEL_WIDTH, 64),
                new CurveQuadrature(new HelixCurve(), new UniformDensity(0, 2 * Math.PI), nodes,
                        CurveQuadrature.DEFAULT_PANEL_WIDTH, 64)};
            for (CurveQuadrature q : rules) {
                int m = q.curve().dim();
                CurveQuadrature.Evaluator vector = q.evaluator(), scalar = q.scalarEvaluator();
                double[] y = new double[m], point = new double[m], mv = new double[m], ms = new double[m];
                for (double abar : new double[] {0.01, 0.5, 0.99, 0.99999, 0.9999999}) {
                    NoiseLevel level = NoiseLevel.ofLogAlphaBar(Math.log(abar));
                    for (int i = 0; i < 100; i++) {
                        double t = q.curve().lower() + (q.curve().upper() - q.curve().lower()) * r.nextDouble();
                        q.curve().point(t, point, 0);
                        double far = i % 10 == 0 ? 5 : 1;
                        for (int d = 0; d < m; d++) {
                            y[d] = Math.sqrt(abar) * point[d] + far * Math.sqrt(1 - abar) * r.nextGaussian();
                        }
                        boolean prune = i % 3 != 0;
                        double lv = prune ? vector.posteriorMean(level, y, mv) : vector.posteriorMeanWithoutPruning(level, y, mv);
                        double ls = prune ? scalar.posteriorMean(level, y, ms) : scalar.posteriorMeanWithoutPruning(level, y, ms);
                        String where = "nodes " + nodes + ", m " + m + ", abar " + abar + ", point " + i;
                        assertEquals(Double.doubleToRawLongBits(lv), Double.doubleToRawLongBits(ls), "log q, " + where);
                        for (int d = 0; d < m; d++) {
                            assertEquals(Double.doubleToRawLongBits(mv[d]), Double.doubleToRawLongBits(ms[d]), "mean, " + where);
                        }
                        compared++;
                    }
                }
            }
        }
        assertEquals(3000, compared);
    }
}
