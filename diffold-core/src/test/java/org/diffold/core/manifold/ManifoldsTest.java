package org.diffold.core.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.target.Target;
import org.junit.jupiter.api.Test;

class ManifoldsTest {
    @Test
    void buildsEveryNameInTheRequestedSpace() {
        for (String name : Manifolds.names()) {
            DataManifold m = Manifolds.parse(name, 100, 1);
            assertEquals(100, m.dim(), name);
            double[] x = m.sample(2, 3);
            assertEquals(0, m.distance(x, 0), 1e-6 * (1 + Math.abs(x[0])), name);
        }
    }

    @Test
    void curvedManifoldsAreTargetsWithTheirParameters() {
        DataManifold c = Manifolds.parse("circle:radius=2,weights=1/3", 10, 1);
        assertTrue(c instanceof Target, "circle carries an exact score");
        assertEquals(1, c.intrinsicDim());
        assertEquals(2, c.distance(new double[10], 0), 1e-12); // the centre is at distance R = 2
        assertEquals(4, Manifolds.parse("sphere:d=4", 0, 1).intrinsicDim());
        assertEquals(5, Manifolds.parse("sphere:d=4", 0, 1).dim());
        assertEquals(2, Manifolds.parse("torus:r1=1,r2=0.3", 4, 1).intrinsicDim());
        assertEquals(3, Manifolds.parse("swiss-roll:weights=2/1", 0, 1).dim());
    }

    @Test
    void rejectsBadSpecsWithOneLine() {
        for (String bad : new String[] {"disc", "circle:radius", "circle:colour=red", "circle:weights=1/x", "sphere:d=2.5", "M7_Roll:k=2"}) {
            String m = assertThrows(IllegalArgumentException.class, () -> Manifolds.parse(bad, 0, 1)).getMessage();
            assertTrue(!m.contains("\n"), m);
        }
        assertThrows(IllegalArgumentException.class, () -> Manifolds.parse("M8_Nonlinear", 10, 1)); // D = 72 > 10
    }
}
