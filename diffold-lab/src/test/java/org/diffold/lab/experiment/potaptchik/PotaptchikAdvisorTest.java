package org.diffold.lab.experiment.potaptchik;

import org.diffold.lab.experiment.common.ExactFactorCalculator;
import org.diffold.lab.experiment.common.ProductError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.sampler.DdpmPosteriorScheme;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

class PotaptchikAdvisorTest {
    private final ExactFactorCalculator calc = new ExactFactorCalculator();
    private final PotaptchikAdvisor advisor = new PotaptchikAdvisor(calc, Mixture1D.defaultFactor());

    @Test
    void calibratedKappaMeetsEpsAndALargerOneDoesNot() {
        PotaptchikAdvisor.Advice a = advisor.advise(2, 50, 0.01, 1e-2, null);
        assertTrue(a.predictedKl() <= 0.01, a.lines().toString());
        // recipe of docs/math.md §2.3 for T and M
        PotaptchikGrid recipe = PotaptchikGrid.recipe(50, 0.01, 1e-2, a.grid().kappa());
        assertEquals(recipe, a.grid());
        // kappa 10% larger (within (0, 1/4)) breaks eps: the calibration is tight
        double bigger = Math.min(1.1 * a.grid().kappa(), 0.2499);
        StepPlan plan = new DdpmPosteriorScheme().plan(PotaptchikGrid.recipe(50, 0.01, 1e-2, bigger).grid());
        double kl = ProductError.of(calc.factor(plan, Mixture1D.defaultFactor(), null), calc.factor(plan, Mixture1D.pointMass(), null), 2, 50).kl();
        assertTrue(kl > 0.01 || bigger == 0.2499, "KL at 1.1 kappa = " + kl);
        assertTrue(a.warnings().isEmpty(), a.warnings().toString());
    }

    @Test
    void badInputNamesTheValueAndTheRange() {
        assertEquals("k must be <= dim (D), got k=9 > dim=8", assertThrows(IllegalArgumentException.class,
                () -> advisor.advise(9, 8, 0.1, 1e-3, null)).getMessage());
        assertEquals("eps must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> advisor.advise(1, 8, 0, 1e-3, null)).getMessage());
        assertEquals("kappa must be in (0, 0.25), got 0.25", assertThrows(IllegalArgumentException.class,
                () -> advisor.advise(1, 8, 0.1, 1e-3, 0.25)).getMessage());
        assertEquals("delta must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
                () -> advisor.advise(1, 8, 0.1, 0, null)).getMessage());
        assertEquals(0.135, PotaptchikAdvisor.roundDown(0.1351826), 1e-15);
    }
}
