package org.diffold.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static double maxBeta(NoiseSchedule s) {
        double m = 0;
        for (double b : s.betas()) m = Math.max(m, b);
        return m;
    }

    @Test
    void liYanClosedForms() {
        // docs/math.md §2.1 with c0 = 2, c1 = 4: T=100 gives beta_1 = 1e-4, max beta = 0.184, abar_T = 3.3e-5;
        // T=1000 gives beta_1 = 1e-6, max beta = 0.0276 (tolerances: half a unit in the last stated digit)
        NoiseSchedule s100 = Schedules.parse("li-yan", 100);
        assertEquals(1e-4, s100.beta(1), 1e-18);
        assertEquals(0.184, maxBeta(s100), 0.0005);
        assertEquals(3.3e-5, s100.alphaBar(100), 0.05e-5);
        NoiseSchedule s1000 = Schedules.parse("li-yan:c0=2,c1=4", 1000);
        assertEquals(1e-6, s1000.beta(1), 1e-20);
        assertEquals(0.0276, maxBeta(s1000), 0.00005);
        assertEquals("li-yan:c0=2,c1=4", s1000.description());
    }

    @Test
    void oneMinusAlphaBarKeepsItsDigits() {
        // docs/math.md §1.1 numerics: 1 - abar_1 = beta_1 exactly, even at beta_1 = 1e-6
        NoiseSchedule s = Schedules.parse("li-yan", 1000);
        assertEquals(s.beta(1), s.oneMinusAlphaBar(1), 1e-22);
    }

    @Test
    void errorsNameTheValueAndTheAllowedRange() {
        assertEquals("unknown schedule 'foo'; valid: li-yan, linear, cosine, betas",
                assertThrows(IllegalArgumentException.class, () -> Schedules.parse("foo", 10)).getMessage());
        assertEquals("schedule li-yan: bad parameter 'c2=3'; allowed: c0, c1 as key=value",
                assertThrows(IllegalArgumentException.class, () -> Schedules.parse("li-yan:c2=3", 10)).getMessage());
        assertEquals("schedule li-yan: c0 must be a number, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> Schedules.parse("li-yan:c0=x", 10)).getMessage());
        assertEquals("schedule betas: has 2 values but --steps is 3; give exactly one beta per step",
                assertThrows(IllegalArgumentException.class, () -> Schedules.parse("betas:0.1,0.2", 3)).getMessage());
        assertEquals("--steps must be >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> Schedules.parse("li-yan", 1)).getMessage());
        assertEquals("beta_2 must be in (0, 1), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Schedules.parse("betas:0.1,1.5", 2)).getMessage());
    }
}
