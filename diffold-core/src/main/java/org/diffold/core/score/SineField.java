package org.diffold.core.score;

import java.util.Locale;
import org.diffold.core.process.NoiseLevel;

/**
 * The fixed smooth perturbation h(y) = A sin(omega y + phi), the same at every noise level (ours, docs/math.md §4.4).
 * Its mean square under a law spread over many periods is about A^2 / 2.
 */
public final class SineField implements CoordinateField {
    /** Default frequency omega (ours). */
    public static final double DEFAULT_OMEGA = 2;
    /** Default phase phi (ours): nonzero so that the field also biases the point-mass coordinates. */
    public static final double DEFAULT_PHASE = 0.5;
    private final double amplitude, omega, phase;

    /** amplitude A &gt;= 0, frequency omega &gt; 0, phase phi (all finite). */
    public SineField(double amplitude, double omega, double phase) {
        if (!(amplitude >= 0) || Double.isInfinite(amplitude)) throw new IllegalArgumentException("amplitude must be finite and >= 0, got " + amplitude);
        if (!(omega > 0) || Double.isInfinite(omega)) throw new IllegalArgumentException("omega must be finite and > 0, got " + omega);
        if (!Double.isFinite(phase)) throw new IllegalArgumentException("phase must be finite, got " + phase);
        this.amplitude = amplitude;
        this.omega = omega;
        this.phase = phase;
    }

    /** A sin(2 y + 0.5). */
    public SineField(double amplitude) {
        this(amplitude, DEFAULT_OMEGA, DEFAULT_PHASE);
    }

    /** The amplitude A. */
    public double amplitude() { return amplitude; }

    @Override public double value(NoiseLevel level, double y) { return amplitude * Math.sin(omega * y + phase); }

    @Override public double derivative(NoiseLevel level, double y) { return amplitude * omega * Math.cos(omega * y + phase); }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "sine:amplitude=%s,omega=%s,phase=%s", amplitude, omega, phase);
    }

    @Override public String toString() { return description(); }
}
