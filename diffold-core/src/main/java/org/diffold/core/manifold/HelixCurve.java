package org.diffold.core.manifold;

/**
 * The closed helix of the benchmark's {@code M5a_Helix1d} (docs/benchmark-manifolds.md): t in [0, 2 pi],
 * phi(t) = ((2 + cos 8t) cos t, (2 + cos 8t) sin t, sin 8t), a curve winding 8 times around a torus, with
 * |phi'(t)|^2 = 64 + (2 + cos 8t)^2 &lt;= 73.
 */
public final class HelixCurve implements Curve {
    @Override public int dim() { return 3; }
    @Override public double lower() { return 0; }
    @Override public double upper() { return 2 * Math.PI; }
    @Override public double speedBound() { return Math.sqrt(73); }

    @Override
    public void point(double t, double[] out, int off) {
        double r = 2 + Math.cos(8 * t);
        out[off] = r * Math.cos(t);
        out[off + 1] = r * Math.sin(t);
        out[off + 2] = Math.sin(8 * t);
    }
}
