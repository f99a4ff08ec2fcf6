package org.diffold.core.collapse;

/**
 * A denoising map x -> D(x) on R^D at one fixed noise level (exact or learned). Implementations may keep scratch
 * space, so use one instance per thread.
 */
public interface Denoiser {
    /** Ambient dimension D. */
    int dim();

    /** Writes D(x) into {@code out} (length D); {@code out} must not alias {@code x}. */
    void denoise(double[] x, double[] out);
}
