package org.diffold.core.score;

import java.util.Locale;
import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;

/**
 * A random smooth perturbation drawn once from a seed: h(y) = A sqrt(2/F) sum_{f&lt;F} cos(omega_f y + phi_f), with
 * omega_f ~ N(0, 1/ell^2) and phi_f ~ U(0, 2 pi) (random Fourier features of a Gaussian-kernel process with
 * length scale ell; ours, docs/math.md §4.4). Its mean square over the draw is A^2 at every y. The same draw is used
 * at every noise level and every coordinate, so a product target stays product-form.
 */
public final class RandomFourierField implements CoordinateField {
    /** Default number of features F (ours). */
    public static final int DEFAULT_FEATURES = 16;
    /** Default length scale ell (ours). */
    public static final double DEFAULT_LENGTH_SCALE = 0.5;
    private final double amplitude, lengthScale;
    private final long seed;
    private final double[] omega, phase;
    private final double scale;

    /** amplitude A &gt;= 0, F &gt;= 1 features, length scale ell &gt; 0, and the seed of the draw. */
    public RandomFourierField(double amplitude, int features, double lengthScale, long seed) {
        if (!(amplitude >= 0) || Double.isInfinite(amplitude)) throw new IllegalArgumentException("amplitude must be finite and >= 0, got " + amplitude);
        if (features < 1) throw new IllegalArgumentException("features must be >= 1, got " + features);
        if (!(lengthScale > 0) || Double.isInfinite(lengthScale)) throw new IllegalArgumentException("length scale must be finite and > 0, got " + lengthScale);
        this.amplitude = amplitude;
        this.lengthScale = lengthScale;
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        omega = new double[features];
        phase = new double[features];
        for (int f = 0; f < features; f++) {
            omega[f] = rng.nextGaussian() / lengthScale;
            phase[f] = 2 * Math.PI * rng.nextDouble();
        }
        scale = amplitude * Math.sqrt(2.0 / features);
    }

    /** The default field (16 features, length scale 0.5) of amplitude A from the seed. */
    public RandomFourierField(double amplitude, long seed) {
        this(amplitude, DEFAULT_FEATURES, DEFAULT_LENGTH_SCALE, seed);
    }

    /** The amplitude A. */
    public double amplitude() { return amplitude; }

    @Override
    public double value(NoiseLevel level, double y) {
        double s = 0;
        for (int f = 0; f < omega.length; f++) s += Math.cos(omega[f] * y + phase[f]);
        return scale * s;
    }

    @Override
    public double derivative(NoiseLevel level, double y) {
        double s = 0;
        for (int f = 0; f < omega.length; f++) s -= omega[f] * Math.sin(omega[f] * y + phase[f]);
        return scale * s;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "random-fourier:amplitude=%s,features=%d,ell=%s,seed=%d", amplitude, omega.length, lengthScale, seed);
    }

    @Override public String toString() { return description(); }
}
