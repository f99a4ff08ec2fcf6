package org.diffold.core.manifold;

/** The circle theta -> R (cos theta, sin theta), theta in [0, 2 pi], in R^2; exact projection by atan2. */
public final class CircleCurve implements Curve {
    private final double radius;

    /** radius > 0. */
    public CircleCurve(double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) throw new IllegalArgumentException("radius must be > 0 and finite, got " + radius);
        this.radius = radius;
    }

    /** The radius R. */
    public double radius() { return radius; }

    @Override public int dim() { return 2; }
    @Override public double lower() { return 0; }
    @Override public double upper() { return 2 * Math.PI; }
    @Override public double speedBound() { return radius; }
    @Override public boolean hasExactProjection() { return true; }

    @Override
    public void point(double theta, double[] out, int off) {
        out[off] = radius * Math.cos(theta);
        out[off + 1] = radius * Math.sin(theta);
    }

    /** atan2(y_1, y_0) in [0, 2 pi); 0 at the centre, where every point is nearest. */
    @Override
    public double nearestParameter(double[] y) {
        double t = Math.atan2(y[1], y[0]);
        return t < 0 ? t + 2 * Math.PI : t;
    }
}
