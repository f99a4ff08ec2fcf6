package org.diffold.core.special;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class DigammaTest {
    @Test
    void matchesClosedFormsAndTheRecurrence() {
        double gamma = Gamma.GAMMA; // Euler–Mascheroni
        assertEquals(-gamma, Digamma.value(1), 1e-15);                        // DLMF 5.4.12
        assertEquals(-gamma - 2 * Math.log(2), Digamma.value(0.5), 1e-15);    // DLMF 5.4.13
        double harmonic = 0;
        for (int m = 1; m <= 30; m++) {
            harmonic += 1.0 / m;
            assertEquals(harmonic - gamma, Digamma.value(m + 1), 1e-14, "psi(" + (m + 1) + ")"); // DLMF 5.4.14
        }
        for (double x : new double[] {1e-3, 0.37, 2.5, 9.99, 10.01, 123.4}) {
            assertEquals(Digamma.value(x) + 1 / x, Digamma.value(x + 1), 1e-13 * Math.max(1, 1 / x));
        }
    }
}
