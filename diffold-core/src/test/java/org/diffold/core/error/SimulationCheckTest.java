package org.diffold.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationCheckTest {
    /** Every comparison within 4 standard errors (fixed seed, so the outcome is deterministic). */
    private static void assertAgree(SimulationCheck.Report r) {
        for (SimulationCheck.Comparison c : r.comparisons()) {
            assertTrue(Math.abs(c.z()) < 4, r.target() + " " + r.plan() + ": " + c);
            assertTrue(c.standardError() > 0 && Double.isFinite(c.simulated()), c.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"li-yan", "classic", "ddim"})
    void gaussianSubspaceSimulationAgreesWithTheExactError(String design) {
        StepPlan plan = Designs.parse(design).plan(LiYanSchedule.create(100));
        SimulationCheck.Report r = SimulationCheck.gaussianSubspace(plan, 10, 3, 1.0, 4000, 42, 2);
        assertEquals(4, r.comparisons().size());
        assertAgree(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"li-yan", "classic"})
    void productSubspaceSimulationAgreesWithThePropagatedDensity(String design) {
        StepPlan plan = Designs.parse(design).plan(LiYanSchedule.create(100));
        SimulationCheck.Report r = SimulationCheck.productSubspace(plan, 10, 3, Mixture1D.defaultFactor(), 4000, 42, 2);
        assertEquals(6, r.comparisons().size());
        assertAgree(r);
        assertTrue(r.maxAbsZ() < 4);
    }
}
