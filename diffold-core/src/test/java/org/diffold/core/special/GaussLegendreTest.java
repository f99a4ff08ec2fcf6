package org.diffold.core.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/** Gauss–Legendre rules (docs/math.md §5): Hipparchus's rules bit for bit, and exactness to degree 2n - 1. */
class GaussLegendreTest {
    @Test
    void keptRulesAreHipparchusRulesBitForBit() {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        for (int n = 1; n <= 20; n++) {
            // legendre(n) and legendre(n, -1, 1), the two forms the project used before
            GaussIntegrator plain = factory.legendre(n), mapped = factory.legendre(n, -1, 1);
            double[] x = GaussLegendre.nodes(n), w = GaussLegendre.weights(n);
            for (int i = 0; i < n; i++) {
                String where = "n = " + n + ", i = " + i;
                assertEquals(Double.doubleToRawLongBits(plain.getPoint(i)), Double.doubleToRawLongBits(x[i]), "node, " + where);
                assertEquals(Double.doubleToRawLongBits(plain.getWeight(i)), Double.doubleToRawLongBits(w[i]), "weight, " + where);
                assertEquals(Double.doubleToRawLongBits(mapped.getPoint(i)), Double.doubleToRawLongBits(x[i]), "mapped node, " + where);
                assertEquals(Double.doubleToRawLongBits(mapped.getWeight(i)), Double.doubleToRawLongBits(w[i]), "mapped weight, " + where);
            }
        }
    }

    @Test
    void integratesMonomialsExactlyToDegree2nMinus1() {
        for (int n : new int[] {1, 2, 5, 8, 16, 33}) {
            double[] x = GaussLegendre.nodes(n), w = GaussLegendre.weights(n);
            for (int deg = 0; deg <= 2 * n - 1; deg++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += w[i] * Math.pow(x[i], deg);
                double want = deg % 2 == 1 ? 0 : 2.0 / (deg + 1);
                assertEquals(want, s, 1e-14 * (1 + n), "n = " + n + ", degree " + deg);
            }
        }
    }

    @Test
    void copiesCannotChangeTheRule() {
        GaussLegendre.nodes(8)[0] = 42;
        assertEquals(-0x1.ebab1cb0acc67p-1, GaussLegendre.nodes(8)[0], 0.0);
    }

    @Test
    void rejectsNoPoints() {
        assertThrows(IllegalArgumentException.class, () -> GaussLegendre.nodes(0));
    }
}
