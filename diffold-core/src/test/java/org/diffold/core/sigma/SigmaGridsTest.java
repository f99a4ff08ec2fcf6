package org.diffold.core.sigma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values computed independently from the formulas of docs/math.md §3.3 (NumPy, not library output). */
class SigmaGridsTest {
    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.abs(expected), "expected " + expected + " got " + actual);
    }

    @Test
    void karrasMatchesReferenceValues() {
        double[] ref = {80, 42.41519, 21.10868, 9.7232, 4.06612, 1.50174, 0.46998, 0.11664, 0.02044, 0.002};
        double[] s = SigmaSchedules.karras(10, 0.002, 80, 7);
        for (int i = 0; i < ref.length; i++) assertRelative(ref[i], s[i], 3e-4);
        SigmaGrid g = SigmaGrids.parse("karras", 10);
        assertEquals(11, g.sigmas().length);
        assertEquals(0, g.outputSigma());
        assertEquals(10, g.steps());
    }

    @Test
    void exponentialAndVpMatchReferenceValues() {
        double[] e = SigmaSchedules.exponential(5, 0.002, 80);
        double[] ref = {80, 5.656854, 0.4, 0.028284, 0.002};
        for (int i = 0; i < 5; i++) assertRelative(ref[i], e[i], 2e-5);
        double[] vp = SigmaSchedules.vp(5, 19.9, 0.1, 1e-3);
        double[] refVp = {152.16697, 17.04912, 3.42224, 0.95753, 0.01049};
        for (int i = 0; i < 5; i++) assertRelative(refVp[i], vp[i], 5e-4);
        assertArrayEquals(e, SigmaSchedules.polyexponential(5, 0.002, 80, 1), 1e-12);
    }

    @Test
    void trainingSchedulesMatchReferenceValues() {
        double[] sd = TrainingSchedules.sigmas(TrainingSchedules.betas("scaled_linear", 1000, 0.00085, 0.012));
        assertRelative(0.0291672, sd[0], 1e-5);
        assertRelative(14.6146, sd[999], 1e-5);
        double[] la = TrainingSchedules.logAlphaBar(TrainingSchedules.betas("sigmoid", 1000, 1e-4, 0.02));
        assertRelative(0.99985079, Math.exp(la[0]), 1e-8);
        assertRelative(0.30193, Math.exp(la[499]), 1e-4);
        double[] lin = TrainingSchedules.sigmas(TrainingSchedules.betas("linear", 1000, 1e-4, 0.02));
        assertRelative(157.407, lin[999], 1e-5);
        double[] cos = TrainingSchedules.logAlphaBar(TrainingSchedules.betas("squaredcos_cap_v2", 1000, 1e-4, 0.02));
        assertRelative(0.49384, Math.exp(cos[499]), 1e-4);
    }

    @Test
    void zeroTerminalSnrKeepsTheFirstLevelAndZeroesTheLast() {
        double[] b = TrainingSchedules.betas("scaled_linear", 1000, 0.00085, 0.012);
        double[] z = TrainingSchedules.rescaleZeroTerminalSnr(b);
        assertEquals(1, z[999]);
        assertRelative(b[0], z[0], 1e-12);
        double[] la = TrainingSchedules.logAlphaBar(z);
        assertEquals(Double.NEGATIVE_INFINITY, la[999]);
        assertRelative(1.968e-7, Math.exp(la[998]), 2e-3);
        double[] s = TrainingSchedules.sigmas(z);
        assertRelative(Math.sqrt((1 - 0x1p-24) / 0x1p-24), s[999], 1e-12);
    }

    @Test
    void diffusersSpacingsOnTenOfAThousandSteps() {
        assertArrayEquals(new int[] {999, 888, 777, 666, 555, 444, 333, 222, 111, 0}, TimestepSpacing.LINSPACE.timesteps(1000, 10, 0));
        assertArrayEquals(new int[] {900, 800, 700, 600, 500, 400, 300, 200, 100, 0}, TimestepSpacing.LEADING.timesteps(1000, 10, 0));
        assertArrayEquals(new int[] {901, 801, 701, 601, 501, 401, 301, 201, 101, 1}, TimestepSpacing.LEADING.timesteps(1000, 10, 1));
        assertArrayEquals(new int[] {999, 899, 799, 699, 599, 499, 399, 299, 199, 99}, TimestepSpacing.TRAILING.timesteps(1000, 10, 0));
        // numpy rounds half to even: linspace(0, 999, 3) = 0, 499.5, 999 -> 500
        assertArrayEquals(new int[] {999, 500, 0}, TimestepSpacing.LINSPACE.timesteps(1000, 3, 0));
    }

    @Test
    void spacingGridsReadTheTrainingSigmas() {
        SigmaGrid g = SigmaGrids.parse("trailing:schedule=scaled_linear,T=1000", 10);
        double[] sd = TrainingSchedules.sigmas(TrainingSchedules.betas("scaled_linear", 1000, 0.00085, 0.012));
        assertEquals(sd[999], g.sigma(0));
        assertEquals(sd[99], g.sigma(9));
        assertEquals(0, g.outputSigma());
        SigmaGrid min = SigmaGrids.parse("leading:schedule=scaled-linear,final=sigma_min", 10);
        assertEquals(sd[0], min.outputSigma());
        assertEquals(sd[0], min.sigma(9));
        assertTrue(min.hasRepeats(), "leading spacing visits t = 0, so final=sigma_min repeats it");
        SigmaGrid k = SigmaGrids.parse("use_karras_sigmas:schedule=scaled_linear", 20);
        assertEquals(sd[999], k.sigmaMax(), 1e-12);
        assertEquals(sd[0], k.sigma(19), 1e-15);
        assertFalse(SigmaGrids.parse("karras:final=none", 5).hasRepeats());
        assertEquals(0.002, SigmaGrids.parse("karras:final=none", 5).outputSigma());
    }

    @Test
    void badSpecsNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigmaGrids.parse("karras:rho=x", 5)).getMessage().contains("rho"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigmaGrids.parse("karras:foo=1", 5)).getMessage().contains("foo"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigmaGrids.parse("nope", 5)).getMessage().contains("karras"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigmaGrids.parse("karras:final=one", 5)).getMessage().contains("final"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigmaGrids.parse("list:1,2", 5)).getMessage().contains("increase"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigmaGrids.parse("karras:sigma_min=5,sigma_max=1", 5)).getMessage().contains("sigma_min"));
    }
}
