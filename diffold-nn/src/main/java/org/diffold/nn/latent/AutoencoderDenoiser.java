package org.diffold.nn.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.diffold.core.collapse.Denoiser;

/**
 * The learned stage-1 denoiser x -> dec(enc(x)) of a latent model (the VAE's at its mean) as a
 * {@link Denoiser}, for the collapse diagnostics of docs/math.md §7 (Jacobian by central differences in float32,
 * so use steps around 1e-3).
 */
public final class AutoencoderDenoiser implements Denoiser {
    private final Autoencoder ae;
    private final float[] in;

    /** The denoiser of {@code ae} (not owned). */
    public AutoencoderDenoiser(Autoencoder ae) {
        this.ae = ae;
        this.in = new float[ae.spec().dim()];
    }

    @Override public int dim() { return ae.spec().dim(); }

    @Override
    public void denoise(double[] x, double[] out) {
        for (int j = 0; j < in.length; j++) in[j] = (float) x[j];
        try (NDManager sub = ae.weights().manager().newSubManager()) {
            NDArray y = ae.decode(ae.latentOf(ae.encode(sub.create(in, new Shape(1, in.length)))));
            float[] v = y.toFloatArray();
            for (int j = 0; j < v.length; j++) out[j] = v[j];
        }
    }
}
