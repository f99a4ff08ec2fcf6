package org.diffold.nn.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * Functional layers on NCHW float32 arrays (PyTorch semantics): 2-D convolution, nearest 2x upsampling, group
 * normalisation (Wu &amp; He 2018: per sample and group of C/G channels, (x - mean) / sqrt(var + 1e-5), then a
 * per-channel scale and shift), SiLU x sigmoid(x) (Elfwing et al. 2018) and the affine map.
 */
public final class Layers {
    /** DJL's interpolation mode code of nearest-neighbour sampling. */
    static final int NEAREST = 0;
    /** Group-norm epsilon (PyTorch's default). */
    public static final float GN_EPS = 1e-5f;

    private Layers() {}

    /** Conv2d with a k x k kernel (weights (out, in, k, k)), stride s, zero padding p. */
    public static NDArray conv(NDArray x, NDArray w, NDArray b, int stride, int pad) {
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), 1).singletonOrThrow();
    }

    /** Nearest-neighbour 2x upsampling of (N, C, H, W) to (N, C, 2H, 2W) by PyTorch's interpolate (mode nearest). */
    public static NDArray upsample2(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, NEAREST, false);
    }

    /** Nearest 2x upsampling as a broadcast product with ones (the reference for tests). */
    public static NDArray upsample2Reference(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        try (NDArray ones = x.getManager().ones(new Shape(1, 1, 1, 2, 1, 2), x.getDataType())) {
            return x.reshape(n, c, h, 1, w, 1).mul(ones).reshape(n, c, 2 * h, 2 * w);
        }
    }

    /**
     * Group norm of an (N, C, H, W) array with G groups and per-channel scale gamma and shift beta (length C), by
     * PyTorch's fused layer norm over each (N, G) group of C/G x H x W values (one native kernel forward and backward).
     */
    public static NDArray groupNorm(NDArray x, int groups, NDArray gamma, NDArray beta) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3), m = c / groups * h * w;
        NDManager mg = x.getManager();
        NDArray ones = mg.ones(new Shape(m), x.getDataType()), zeros = mg.zeros(new Shape(m), x.getDataType());
        NDArray normed = LayerNorm.layerNorm(x.reshape(n, groups, m), new Shape(m), ones, zeros, GN_EPS).singletonOrThrow();
        return normed.reshape(n, c, h, w).mul(gamma.reshape(1, c, 1, 1)).add(beta.reshape(1, c, 1, 1));
    }

    /** Group norm written out, (x - mean) / sqrt(var + eps) per group, then the affine map (the reference for tests). */
    public static NDArray groupNormReference(NDArray x, int groups, NDArray gamma, NDArray beta) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        NDArray g = x.reshape(n, groups, -1);
        NDArray centred = g.sub(g.mean(new int[] {2}, true));
        NDArray var = centred.square().mean(new int[] {2}, true);
        NDArray normed = centred.div(var.add(GN_EPS).sqrt()).reshape(n, c, h, w);
        return normed.mul(gamma.reshape(1, c, 1, 1)).add(beta.reshape(1, c, 1, 1));
    }

    /** SiLU x sigmoid(x). */
    public static NDArray silu(NDArray x) {
        return org.diffold.nn.net.Activation.SILU.apply(x);
    }

    /** x W^T + b for x (N, in), W (out, in). */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return Linear.linear(x, w, b).singletonOrThrow();
    }
}
