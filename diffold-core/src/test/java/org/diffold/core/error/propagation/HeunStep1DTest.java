package org.diffold.core.error.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.score.SineField;
import org.diffold.core.sampler.DdpmPosteriorScheme;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

class HeunStep1DTest {
    @Test
    void derivativesMatchFiniteDifferences() {
        TimeGrid g = PotaptchikGrid.of(0.2, 5, 10).grid();
        Mixture1D pi = Mixture1D.defaultFactor();
        Step1D[][] all = {HeunStep1D.of(g, pi), PerturbedMixtureStep1D.of(new DdpmPosteriorScheme().plan(g), pi, new SineField(0.2))};
        for (Step1D[] steps : all) {
            for (int k : new int[] {0, 7, 14}) {
                for (double y = -2.5; y <= 2.5; y += 0.31) {
                    double fd = (steps[k].map(y + 1e-6) - steps[k].map(y - 1e-6)) / 2e-6;
                    assertEquals(fd, steps[k].mapDerivative(y), 1e-6 * Math.max(1, Math.abs(fd)), steps[k].label() + " y=" + y);
                }
            }
        }
    }
}
