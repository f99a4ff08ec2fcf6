package org.diffold.core.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BesselTest {
    private static final double[] XS = {1e-6, 1e-3, 0.3, 0.5, 0.99, 1, 1.01, 1.5, 2, 7, 30, 100, 1e3, 1e5, 1e8};

    @Test
    void halfIntegerRatiosMatchClosedForms() {
        // I_{1/2}/I_{-1/2} = tanh x and I_{3/2}/I_{1/2} = coth x - 1/x (DLMF 10.49; the k = 1 and k = 3 vMF cases, docs/math.md §5)
        for (double x : XS) {
            assertEquals(Math.tanh(x), Bessel.ratio(0.5, x), 1e-14 * Math.tanh(x), "nu=1/2, x=" + x);
            if (x >= 0.3) { // the closed form itself cancels badly below that
                double c = 1 / Math.tanh(x) - 1 / x;
                assertEquals(c, Bessel.ratio(1.5, x), 1e-13 * c, "nu=3/2, x=" + x);
            }
        }
    }

    @Test
    void ratioAtOrderOneMatchesTabulatedValues() {
        // I_1(1) = 0.5651591039924850, I_0(1) = 1.2660658777520082 (DLMF Table 10.78 / A&S Table 9.8)
        assertEquals(0.5651591039924850 / 1.2660658777520082, Bessel.ratio(1, 1), 1e-15);
        // recurrence r_nu = 1 / (2 nu / x + r_{nu+1}) ties the Gauss and Perron branches together across x = nu
        for (double nu : new double[] {1, 2.5, 10, 50}) {
            for (double x : new double[] {0.5 * nu, nu, 1.0001 * nu, 2 * nu, 40 * nu}) {
                double lhs = Bessel.ratio(nu, x), rhs = 1 / (2 * nu / x + Bessel.ratio(nu + 1, x));
                assertEquals(lhs, rhs, 1e-13 * lhs, "nu=" + nu + ", x=" + x);
            }
        }
    }

    @Test
    void logI0IsContinuousAcrossItsBranchesAndMatchesKnownValues() {
        assertEquals(Math.log(1.2660658777520082), Bessel.logI0(1), 1e-15);
        assertEquals(0, Bessel.logI0(0), 0);
        // d/dx log I0 = I1/I0: finite difference across the series/asymptotic switch at x = 20
        double h = 1e-4;
        assertEquals(Bessel.ratio(1, 20), (Bessel.logI0(20 + h) - Bessel.logI0(20 - h)) / (2 * h), 1e-8);
        assertEquals(Bessel.ratio(1, 500), (Bessel.logI0(500 + h) - Bessel.logI0(500 - h)) / (2 * h), 1e-7);
    }

    @Test
    void inverseA1RoundTrips() {
        for (double tau : new double[] {1e-4, 0.1, 1, 5, 50, 1e4}) {
            assertEquals(tau, Bessel.inverseA1(Bessel.ratio(1, tau)), 1e-8 * tau, "tau=" + tau);
        }
        assertEquals(0, Bessel.inverseA1(0), 0);
        assertThrows(IllegalArgumentException.class, () -> Bessel.inverseA1(1));
        assertThrows(IllegalArgumentException.class, () -> Bessel.ratio(0.25, 1));
    }
}
