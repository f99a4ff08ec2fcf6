package org.diffold.nn.latent;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.image.Layers;
import org.diffold.nn.image.Weights;

/**
 * The encoder and decoder of a latent model ({@link AutoencoderSpec}, architecture [ours]) on DJL: encode maps
 * rows (B, D) to (B, k) (the VAE: (B, 2k) = [mu, log-variance]), decode maps (B, k) to (B, D). Image rows are
 * HWC-flattened and go through the convolutions as NCHW. Owns its weights; close it.
 */
public final class Autoencoder implements AutoCloseable {
    private final AutoencoderSpec spec;
    private final Weights w;

    private Autoencoder(AutoencoderSpec spec, Weights w) {
        this.spec = spec;
        this.w = w;
    }

    /** The weight declarations of a spec (names, shapes, fan-in), in storage order. */
    public static Weights.Builder declare(AutoencoderSpec s) {
        Weights.Builder b = new Weights.Builder();
        int k = s.latentDim(), out = s.encoderOutput(), h = s.width();
        if (s.kind().equals("mlp")) {
            int d = s.dim();
            linear(b, "enc0", d, h);
            linear(b, "enc1", h, h);
            linear(b, "enc2", h, out);
            linear(b, "dec0", k, h);
            linear(b, "dec1", h, h);
            linear(b, "dec2", h, d);
            return b;
        }
        ImageShape sh = s.shape();
        int c = sh.channels(), c2 = 2 * h, flat = c2 * (sh.height() / 4) * (sh.width() / 4);
        conv(b, "enc0", c, h, 3);
        norm(b, "enc0", h);
        conv(b, "enc1", h, c2, 4);
        norm(b, "enc1", c2);
        conv(b, "enc2", c2, c2, 4);
        norm(b, "enc2", c2);
        linear(b, "enc3", flat, out);
        linear(b, "dec0", k, flat);
        conv(b, "dec1", c2, h, 3);
        norm(b, "dec1", h);
        conv(b, "dec2", h, h, 3);
        norm(b, "dec2", h);
        conv(b, "dec3", h, c, 3);
        return b;
    }

    private static void linear(Weights.Builder b, String n, int in, int out) {
        b.uniform(n + ".weight", in, out, in).uniform(n + ".bias", in, out);
    }

    private static void conv(Weights.Builder b, String n, int in, int out, int k) {
        b.uniform(n + ".weight", in * k * k, out, in, k, k).uniform(n + ".bias", in * k * k, out);
    }

    private static void norm(Weights.Builder b, String n, int ch) {
        b.ones(n + ".gamma", ch).zeros(n + ".beta", ch);
    }

    /** Fresh weights from {@code seed}. */
    public static Autoencoder initialise(AutoencoderSpec spec, Device device, long seed) {
        return new Autoencoder(spec, declare(spec).initialise(device, seed));
    }

    /** Weights from host arrays in {@link #declare} order. */
    public static Autoencoder fromHost(AutoencoderSpec spec, Device device, List<float[]> values) {
        return new Autoencoder(spec, declare(spec).fromHost(device, values));
    }

    /** The spec. */
    public AutoencoderSpec spec() { return spec; }

    /** The weights (live). */
    public Weights weights() { return w; }

    /** Encoder output for rows x (B, D). */
    public NDArray encode(NDArray x) {
        if (spec.kind().equals("mlp")) return mlp(x, "enc");
        ImageShape s = spec.shape();
        long n = x.getShape().get(0);
        NDArray h = x.reshape(n, s.height(), s.width(), s.channels()).transpose(0, 3, 1, 2);
        h = block(Layers.conv(h, w.get("enc0.weight"), w.get("enc0.bias"), 1, 1), "enc0");
        h = block(Layers.conv(h, w.get("enc1.weight"), w.get("enc1.bias"), 2, 1), "enc1");
        h = block(Layers.conv(h, w.get("enc2.weight"), w.get("enc2.bias"), 2, 1), "enc2");
        return lin(h.reshape(n, -1), "enc3");
    }

    /** Decoder output (B, D) for latents z (B, k). */
    public NDArray decode(NDArray z) {
        if (spec.kind().equals("mlp")) return mlp(z, "dec");
        ImageShape s = spec.shape();
        long n = z.getShape().get(0);
        NDArray h = Layers.silu(lin(z, "dec0")).reshape(n, 2L * spec.width(), s.height() / 4, s.width() / 4);
        h = block(Layers.conv(Layers.upsample2(h), w.get("dec1.weight"), w.get("dec1.bias"), 1, 1), "dec1");
        h = block(Layers.conv(Layers.upsample2(h), w.get("dec2.weight"), w.get("dec2.bias"), 1, 1), "dec2");
        h = Layers.conv(h, w.get("dec3.weight"), w.get("dec3.bias"), 1, 1);
        return h.transpose(0, 2, 3, 1).reshape(n, spec.dim());
    }

    /** The latent of the encoder output: the first k columns (the VAE's mean; the whole output otherwise). */
    public NDArray latentOf(NDArray encoded) {
        return spec.objective() == Objective.VAE ? encoded.get(":, 0:" + spec.latentDim()) : encoded;
    }

    /** Three affine maps {prefix}0..2 with SiLU between them. */
    private NDArray mlp(NDArray x, String prefix) {
        NDArray h = Layers.silu(lin(x, prefix + "0"));
        h = Layers.silu(lin(h, prefix + "1"));
        return lin(h, prefix + "2");
    }

    private NDArray lin(NDArray x, String n) {
        return Layers.linear(x, w.get(n + ".weight"), w.get(n + ".bias"));
    }

    private NDArray block(NDArray x, String n) {
        return Layers.silu(Layers.groupNorm(x, spec.groups(), w.get(n + ".gamma"), w.get(n + ".beta")));
    }

    /** Latents (n x k) of host rows (n x D), in blocks of {@code block} rows; no gradients. */
    public double[] encodeRows(double[] rows, int n, int block) {
        int d = spec.dim(), k = spec.latentDim();
        double[] out = new double[n * k];
        for (int from = 0; from < n; from += block) {
            int b = Math.min(block, n - from);
            try (NDManager sub = w.manager().newSubManager()) {
                NDArray x = sub.create(toFloat(rows, from * d, b * d), new Shape(b, d));
                float[] z = latentOf(encode(x)).toType(DataType.FLOAT32, false).toFloatArray();
                for (int i = 0; i < z.length; i++) out[from * k + i] = z[i];
            }
        }
        return out;
    }

    /** Decoded rows (n x D) of host latents (n x k), in blocks; no gradients. */
    public double[] decodeRows(double[] latents, int n, int block) {
        int d = spec.dim(), k = spec.latentDim();
        double[] out = new double[n * d];
        for (int from = 0; from < n; from += block) {
            int b = Math.min(block, n - from);
            try (NDManager sub = w.manager().newSubManager()) {
                NDArray z = sub.create(toFloat(latents, from * k, b * k), new Shape(b, k));
                float[] x = decode(z).toFloatArray();
                for (int i = 0; i < x.length; i++) out[from * d + i] = x[i];
            }
        }
        return out;
    }

    static float[] toFloat(double[] v, int off, int len) {
        float[] f = new float[len];
        for (int i = 0; i < len; i++) f[i] = (float) v[off + i];
        return f;
    }

    @Override
    public void close() { w.close(); }
}
