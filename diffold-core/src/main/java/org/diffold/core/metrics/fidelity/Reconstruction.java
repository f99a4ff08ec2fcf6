package org.diffold.core.metrics.fidelity;

/**
 * Reconstruction error of an autoencoder on held-out rows (docs/math.md §7): MSE = sum (x - x^)^2 / (n D) and
 * PSNR = 10 log10(range^2 / MSE) dB, with range the peak-to-peak value range (2 for images in [-1, 1]).
 */
public final class Reconstruction {
    private Reconstruction() {}

    /** Mean squared error per value of two equally long arrays. */
    public static double mse(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) throw new IllegalArgumentException("arrays must be non-empty and equally long, got " + x.length + " and " + y.length);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
        return s / x.length;
    }

    /** PSNR in dB for a value range {@code range}. */
    public static double psnr(double mse, double range) {
        return 10 * Math.log10(range * range / mse);
    }
}
