package org.diffold.lab.experiment.common;

import org.diffold.lab.experiment.potaptchik.StepsNeeded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FitHelpersTest {
    @Test
    void logLogFitRecoversAPowerLaw() {
        double[] x = {1, 2, 4, 8, 16}, y = new double[5];
        for (int i = 0; i < 5; i++) y[i] = 3 * Math.pow(x[i], 0.5);
        LogLogFit f = LogLogFit.of(x, y);
        assertEquals(0.5, f.slope(), 1e-12);
        assertEquals(Math.log(3), f.intercept(), 1e-12);
        assertEquals(1, f.r2(), 1e-12);
        assertEquals(12, f.predict(16), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.of(new double[] {1, 1}, new double[] {1, 2}));
    }

    @Test
    void stepsNeededInterpolatesInLogLog() {
        // KL = 100 / K^2 exactly: KL <= 0.01 at K = 100
        int[] k = {10, 50, 200, 1000};
        double[] kl = new double[4];
        for (int i = 0; i < 4; i++) kl[i] = 100.0 / ((double) k[i] * k[i]);
        StepsNeeded s = StepsNeeded.find(k, kl, 0.01);
        assertEquals(StepsNeeded.Status.FOUND, s.status());
        assertEquals(200, s.verifiedSteps());
        assertEquals(100, s.interpolatedSteps(), 1e-9);
        assertEquals(StepsNeeded.Status.AT_MOST, StepsNeeded.find(k, kl, 10).status());
        assertEquals("<=10", StepsNeeded.find(k, kl, 10).display());
        assertEquals(StepsNeeded.Status.NOT_REACHED, StepsNeeded.find(k, kl, 1e-9).status());
    }
}
