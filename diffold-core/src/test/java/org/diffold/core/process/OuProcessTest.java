package org.diffold.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OuProcessTest {
    @Test
    void transitionsComposeToTheMarginal() {
        // docs/math.md §1.2: X_t = e^{-t} X_0 + sqrt(1 - e^{-2t}) Z; two transitions of h give one of 2h in law,
        // checked from X_0 = 1: mean e^{-2h}, variance 1 - e^{-4h}
        SplittableRandom rng = new SplittableRandom(1);
        double h = 0.3, sum = 0, sum2 = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double x = OuProcess.transition(OuProcess.transition(1, h, rng.nextGaussian()), h, rng.nextGaussian());
            sum += x;
            sum2 += x * x;
        }
        double mean = sum / n, var = sum2 / n - mean * mean;
        NoiseLevel l = OuProcess.level(2 * h);
        assertEquals(l.c(), mean, 4 * Math.sqrt(l.sigma2() / n));
        assertEquals(l.sigma2(), var, 4 * l.sigma2() * Math.sqrt(2.0 / n));
        assertEquals(1 + 2 * 0.5, OuProcess.reverseDrift(1, 0.5));
        assertEquals(1.5, OuProcess.flowVelocity(1, 0.5));
    }
}
