package org.diffold.core.data;

import java.util.Locale;

/**
 * Scaling applied to a loaded matrix before use (ours; names are the CLI names):
 * {@code none}; {@code unit}: x -> (x - min) / (max - min) into [0, 1] with the global min and max;
 * {@code symmetric}: into [-1, 1] likewise (the usual range for image diffusion models);
 * {@code standardize}: each column to mean 0 and variance 1 (constant columns only centred).
 * Global min–max keeps pixel geometry isotropic, so intrinsic-dimension estimates are unchanged up to scale.
 */
public enum Scaling {
    /** Leave values as they are. */
    NONE,
    /** Global min–max to [0, 1]. */
    UNIT,
    /** Global min–max to [-1, 1]. */
    SYMMETRIC,
    /** Per-column z-score. */
    STANDARDIZE;

    /** Parses a CLI name ({@code none}, {@code unit}, {@code symmetric}, {@code standardize}). */
    public static Scaling parse(String name) {
        for (Scaling s : values()) if (s.name().toLowerCase(Locale.ROOT).equals(name)) return s;
        throw new IllegalArgumentException("unknown scaling '" + name + "', expected none, unit, symmetric or standardize");
    }

    /** A scaled copy of the matrix (the input is not modified). */
    public DataMatrix apply(DataMatrix m) {
        double[] v = m.values().clone();
        int rows = m.rows(), cols = m.cols();
        switch (this) {
            case NONE -> { }
            case UNIT, SYMMETRIC -> {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (double x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
                double range = hi - lo;
                if (!(range > 0)) throw new IllegalArgumentException("cannot min-max scale " + m.source() + ": all values equal (" + lo + ")");
                boolean sym = this == SYMMETRIC;
                for (int i = 0; i < v.length; i++) {
                    double u = (v[i] - lo) / range;
                    v[i] = sym ? 2 * u - 1 : u;
                }
            }
            case STANDARDIZE -> {
                for (int j = 0; j < cols; j++) {
                    double mean = 0, sq = 0;
                    for (int i = 0; i < rows; i++) mean += v[i * cols + j];
                    mean /= Math.max(rows, 1);
                    for (int i = 0; i < rows; i++) { double d = v[i * cols + j] - mean; sq += d * d; }
                    double sd = Math.sqrt(sq / Math.max(rows, 1));
                    double inv = sd > 0 ? 1 / sd : 1;
                    for (int i = 0; i < rows; i++) v[i * cols + j] = (v[i * cols + j] - mean) * inv;
                }
            }
            default -> throw new IllegalStateException();
        }
        return new DataMatrix(v, rows, cols, this == NONE ? m.source() : m.source() + " scaled " + name().toLowerCase(Locale.ROOT));
    }
}
