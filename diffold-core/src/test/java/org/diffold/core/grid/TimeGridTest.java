package org.diffold.core.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeGridTest {
    @Test
    void definition9StepsObeyGammaEqualsKappaMinOneRemainingTime() {
        // docs/math.md §2.3: gamma_k = kappa min{1, T - t_{k+1}} exactly [derived]
        for (double kappa : new double[] {0.01, 0.1, 0.2499}) {
            PotaptchikGrid p = PotaptchikGrid.of(kappa, 37, 55);
            TimeGrid g = p.grid();
            assertEquals(92, g.steps());
            assertEquals(kappa * 37 + 1, g.horizon(), 1e-14);
            assertEquals(Math.pow(1 + kappa, -55), g.delta(), 1e-13 * g.delta());
            assertEquals(p.delta(), g.delta(), 1e-15 * g.delta());
            for (int k = 0; k < g.steps(); k++) {
                double expected = kappa * Math.min(1, g.forwardTime(k + 1)); // T - t_{k+1}, stored exactly
                assertEquals(expected, g.gamma(k), 1e-12 * expected, "k=" + k);
            }
            assertEquals(0, g.reverseTime(0));
            assertEquals(g.horizon() - 1, g.reverseTime(37), 1e-13);
        }
    }

    @Test
    void recipeMatchesTheSpecFormulas() {
        // docs/math.md §2.3 recipe: L = ceil((0.5 ln(D/eps^2) - 1)/kappa) = ceil((0.5 ln 1e7 - 1)/0.1) = ceil(70.59) = 71,
        // M = ceil(ln(1/delta)/ln(1+kappa)) = ceil(ln 1000 / ln 1.1) = ceil(72.48) = 73
        PotaptchikGrid p = PotaptchikGrid.recipe(1000, 0.01, 1e-3, 0.1);
        assertEquals(71, p.uniformSteps());
        assertEquals(73, p.geometricSteps());
        assertTrue(1000 * Math.exp(-2 * p.horizon()) <= 1e-4);
        assertTrue(p.delta() <= 1e-3);
        // forHorizon: exact multiples do not gain a step: (6 - 1)/0.1 = 50
        assertEquals(50, PotaptchikGrid.forHorizon(0.1, 6, 1e-2).uniformSteps());
    }

    @Test
    void specRoundTripsAndGridsAreValues() {
        PotaptchikGrid p = PotaptchikGrid.of(0.05, 10, 20);
        assertEquals(p.grid(), TimeGrids.parse(p.spec()));
        assertEquals(p.grid(), TimeGrids.parse("potaptchik:kappa=0.05,K=30,L=10"));
        assertEquals(p, PotaptchikGrid.ofSteps(0.05, 30, 10));
        TimeGrid b = TimeGrids.benton(5, 1e-3, 11);
        assertEquals(b, TimeGrids.parse(b.description()));
        TimeGrid u = TimeGrids.uniform(5, 1e-3, 7);
        assertEquals(u, TimeGrids.parse(u.description()));
        assertTrue(p.grid().toString().contains("K=30"));
        assertTrue(p.grid().table().lines().count() == 32);
    }

    @Test
    void bentonGridIsHalfUniformHalfGeometric() {
        TimeGrid g = TimeGrids.benton(6, 1e-3, 20);
        assertEquals(20, g.steps());
        assertEquals(6, g.horizon());
        assertEquals(1e-3, g.delta(), 1e-18);
        for (int k = 0; k < 10; k++) assertEquals(0.5, g.gamma(k), 1e-12);
        assertEquals(1, g.forwardTime(10));
        double ratio = g.forwardTime(11) / g.forwardTime(10);
        for (int k = 10; k < 20; k++) assertEquals(ratio, g.forwardTime(k + 1) / g.forwardTime(k), 1e-12);
    }

    @Test
    void uniformGridHasEqualSteps() {
        TimeGrid g = TimeGrids.uniform(4, 0.01, 9);
        for (int k = 0; k < 9; k++) assertEquals(3.99 / 9, g.gamma(k), 1e-14);
    }

    @Test
    void badInputGivesOneLineMessagesNamingValueAndRange() {
        assertMessage("kappa must be in (0, 0.25), got 0.3", () -> PotaptchikGrid.of(0.3, 1, 1));
        assertMessage("kappa must be in (0, 0.25), got 0.0", () -> PotaptchikGrid.of(0, 1, 1));
        assertMessage("delta must be in (0, 1), got 1.0", () -> PotaptchikGrid.forHorizon(0.1, 5, 1));
        assertMessage("delta must be in (0, 1), got 0.0", () -> PotaptchikGrid.recipe(10, 0.1, 0, 0.1));
        assertMessage("K must be >= L + 1 (at least one geometric step), got K=5, L=7", () -> PotaptchikGrid.ofSteps(0.1, 5, 7));
        assertMessage("eps must be finite and > 0, got -1.0", () -> PotaptchikGrid.recipe(10, -1, 0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrids.parse("potaptchik:kappa=0.1,L=3"));
        assertThrows(IllegalArgumentException.class, () -> TimeGrids.parse("nope:T=1"));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid("x", new double[] {1, 2}));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertEquals(expected, ex.getMessage());
        assertTrue(!ex.getMessage().contains("\n"));
    }
}
