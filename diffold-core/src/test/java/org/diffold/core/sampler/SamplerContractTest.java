package org.diffold.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.score.Score;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sampler contract of docs/math.md §3.4, checked for every coefficient design of §3.1. */
class SamplerContractTest {
    private static final int T = 30, D = 6, K = 2, N = 70;
    private static final NoiseSchedule SCHEDULE = LiYanSchedule.create(T);
    private static final Score SCORE =
            new GaussianSubspaceTarget(Subspace.random(D, K, new SplittableRandom(5)), 1.0).score();

    private static double[] run(String design, long firstIndex, int n, int threads) {
        double[] out = new double[n * D];
        new AffineSampler(Designs.parse(design).plan(SCHEDULE), false)
                .sample(SCORE, new RandomStreams(99), firstIndex, n, out, threads, null);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"li-yan", "classic", "ho-large", "ddim", "ddim-eta:0.4"})
    void planHasOneStepPerIndexFromTTo2(String design) {
        StepPlan plan = Designs.parse(design).plan(SCHEDULE);
        assertEquals(T - 1, plan.size());
        assertEquals("t=" + T, plan.label(0));
        assertEquals("t=2", plan.label(plan.size() - 1));
        assertEquals(SCHEDULE.level(1).alphaBar(), plan.outputLevel().alphaBar(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"li-yan", "classic", "ho-large", "ddim", "ddim-eta:0.4"})
    void outputIsFiniteAndDeterministic(String design) {
        double[] one = run(design, 0, N, 1);
        for (double v : one) assertTrue(Double.isFinite(v));
        assertArrayEquals(one, run(design, 0, N, 2), 0, "threads 1 vs 2 must be bit-identical");
        double[] first = run(design, 0, 30, 1), second = run(design, 30, 40, 2);
        double[] split = new double[N * D];
        System.arraycopy(first, 0, split, 0, first.length);
        System.arraycopy(second, 0, split, first.length, second.length);
        assertArrayEquals(one, split, 0, "70 at once vs 30 + 40 with firstIndex 30 must be bit-identical");
    }

    @ParameterizedTest
    @ValueSource(strings = {"li-yan", "classic", "ho-large", "ddim", "ddim-eta:0.4"})
    void nanScoreIsReportedWithItsStep(String design) {
        double badAbar = SCHEDULE.alphaBar(17);
        Score nanAt17 = new Score() {
            @Override public int dim() { return D; }
            @Override public Evaluator evaluator() {
                Evaluator inner = SCORE.evaluator();
                return (level, x, out, from, to) -> {
                    inner.score(level, x, out, from, to);
                    if (level.alphaBar() == badAbar) out[from * D] = Double.NaN;
                };
            }
        };
        double[] out = new double[N * D];
        AffineSampler sampler = new AffineSampler(Designs.parse(design).plan(SCHEDULE), false);
        SamplingDivergedException e = assertThrows(SamplingDivergedException.class,
                () -> sampler.sample(nanAt17, new RandomStreams(1), 0, N, out, 1, null));
        assertTrue(e.getMessage().contains("(t=17)"), e.getMessage());
    }

    @Test
    void ddimEtaEndpointsAreDdimAndLiYan() {
        // docs/math.md §3.1: ddim-eta interpolates ddim (eta = 0) and li-yan (eta = 1)
        for (int t = 2; t <= T; t++) {
            assertEquals(new DdimDesign().eta(SCHEDULE, t), new DdimEtaDesign(0).eta(SCHEDULE, t), 1e-12);
            assertEquals(0, new DdimEtaDesign(0).sigma2(SCHEDULE, t), 1e-12);
            assertEquals(new LiYanDesign().eta(SCHEDULE, t), new DdimEtaDesign(1).eta(SCHEDULE, t), 1e-12);
            assertEquals(new LiYanDesign().sigma2(SCHEDULE, t), new DdimEtaDesign(1).sigma2(SCHEDULE, t), 1e-12);
        }
        StepPlan a = new DdimEtaDesign(1).plan(SCHEDULE), b = new LiYanDesign().plan(SCHEDULE);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.a(i), a.a(i), 1e-12);
            assertEquals(b.b(i), a.b(i), 1e-12);
            assertEquals(b.noise(i), a.noise(i), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsBadThreadCounts(int threads) {
        AffineSampler s = new AffineSampler(Designs.parse("li-yan").plan(SCHEDULE), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.sample(SCORE, new RandomStreams(1), 0, 2, new double[2 * D], threads, null));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void levelsAreTheSchedulesLevels() {
        StepPlan plan = Designs.parse("li-yan").plan(SCHEDULE);
        for (int i = 0; i < plan.size(); i++) {
            NoiseLevel l = plan.level(i);
            assertEquals(SCHEDULE.alphaBar(T - i), l.alphaBar(), 1e-15);
        }
    }
}
