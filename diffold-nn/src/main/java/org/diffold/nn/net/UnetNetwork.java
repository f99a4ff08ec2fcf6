package org.diffold.nn.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.image.Layers;
import org.diffold.nn.image.Weights;

/**
 * A small U-Net denoiser body (Ronneberger et al. 2015; the DDPM variant of Ho et al. 2006.11239 with residual blocks;
 * docs/math.md §1.3, layout ours). With levels l = 1..L of channels c_l ({@link UnetLayout}), GN = group norm,
 * e = the sinusoidal {@link NoiseEmbedding} and t = SiLU(W_2 SiLU(W_1 e + b_1) + b_2):
 * <pre>
 * res(h) = skip(h) + conv_2(SiLU(GN_2(conv_1(SiLU(GN_1(h))) + P t))),   skip = identity or a 1x1 conv
 * h = conv_in(x);  for l = 1..L: h = res_l(h), s_l = h, h = conv_stride2(h)
 * h = res_mid(h);  for l = L..1: h = res'_l([up2(h), s_l])   (nearest 2x, channel concat)
 * out = conv_out(SiLU(GN(h)))
 * </pre>
 * with 3x3 convolutions (padding 1) and the projection P t of the level added per channel in every block.
 * Rows are HWC-flattened images; the input is [c_in x, e] like the MLPs', so preconditioning, DSM and the score
 * conversion are those of every other body. Weights from a Java seed ({@link Weights}).
 */
public final class UnetNetwork implements DenoiserNetwork {
    private final NetworkSpec spec;
    private final UnetLayout layout;
    private final Weights w;

    private UnetNetwork(NetworkSpec spec, Weights w) {
        this.spec = spec;
        this.layout = spec.unet();
        this.w = w;
    }

    /** The weight declarations of a unet spec (names, shapes, fan-in), in storage order. */
    public static Weights.Builder declare(NetworkSpec spec) {
        UnetLayout u = spec.unet();
        if (u == null) throw new IllegalArgumentException("network spec has no unet layout");
        Weights.Builder b = new Weights.Builder();
        int e = spec.embedding().size(), t = u.embedWidth(), img = u.shape().channels(), levels = u.levels();
        linear(b, "temb0", e, t);
        linear(b, "temb1", t, t);
        conv(b, "in", img, u.channels(0), 3);
        int c = u.channels(0);
        for (int l = 0; l < levels; l++) {
            res(b, "down" + l, c, u.channels(l), t, u.groups());
            c = u.channels(l);
            conv(b, "ds" + l, c, c, 3);
        }
        res(b, "mid", c, c, t, u.groups());
        for (int l = levels - 1; l >= 0; l--) {
            res(b, "up" + l, c + u.channels(l), u.channels(l), t, u.groups());
            c = u.channels(l);
        }
        b.ones("out.gn.gamma", c).zeros("out.gn.beta", c);
        conv(b, "out", c, img, 3);
        return b;
    }

    private static void linear(Weights.Builder b, String n, int in, int out) {
        b.uniform(n + ".weight", in, out, in).uniform(n + ".bias", in, out);
    }

    private static void conv(Weights.Builder b, String n, int in, int out, int k) {
        b.uniform(n + ".weight", in * k * k, out, in, k, k).uniform(n + ".bias", in * k * k, out);
    }

    private static void res(Weights.Builder b, String n, int in, int out, int t, int groups) {
        b.ones(n + ".gn1.gamma", in).zeros(n + ".gn1.beta", in);
        conv(b, n + ".conv1", in, out, 3);
        linear(b, n + ".temb", t, out);
        b.ones(n + ".gn2.gamma", out).zeros(n + ".gn2.beta", out);
        conv(b, n + ".conv2", out, out, 3);
        if (in != out) conv(b, n + ".skip", in, out, 1);
    }

    /** Fresh weights from {@code seed} (uniform +-1/sqrt(fan_in), PyTorch's Linear and Conv2d defaults; norms 1 and 0). */
    public static UnetNetwork initialise(NetworkSpec spec, Device device, long seed) {
        return new UnetNetwork(spec, declare(spec).initialise(device, seed));
    }

    /** Weights from host arrays in {@link #declare} order. */
    public static UnetNetwork fromWeights(NetworkSpec spec, Device device, List<float[]> values) {
        return new UnetNetwork(spec, declare(spec).fromHost(device, values));
    }

    @Override
    public NetworkSpec spec() { return spec; }

    @Override
    public NDManager manager() { return w.manager(); }

    @Override
    public NDList parameters() { return w.list(); }

    @Override
    public UnetNetwork copy() { return fromWeights(spec, device(), w.host()); }

    @Override
    public NDArray forward(NDArray input) {
        long n = input.getShape().get(0);
        int d = spec.dim(), levels = layout.levels();
        ImageShape s = layout.shape();
        NDArray x = input.get(new NDIndex(":, :{}", d)).reshape(n, s.height(), s.width(), s.channels());
        x = s.channels() == 1 ? x.reshape(n, 1, s.height(), s.width()) : x.transpose(0, 3, 1, 2);
        NDArray t = Layers.silu(lin(Layers.silu(lin(input.get(new NDIndex(":, {}:", d)), "temb0")), "temb1"));
        NDArray h = conv(x, "in", 1, 1);
        NDArray[] skips = new NDArray[levels];
        for (int l = 0; l < levels; l++) {
            h = res(h, t, "down" + l);
            skips[l] = h;
            h = conv(h, "ds" + l, 2, 1);
        }
        h = res(h, t, "mid");
        for (int l = levels - 1; l >= 0; l--) {
            h = res(NDArrays.concat(new NDList(Layers.upsample2(h), skips[l]), 1), t, "up" + l);
        }
        h = conv(Layers.silu(Layers.groupNorm(h, layout.groups(), w.get("out.gn.gamma"), w.get("out.gn.beta"))), "out", 1, 1);
        return s.channels() == 1 ? h.reshape(n, d) : h.transpose(0, 2, 3, 1).reshape(n, d);
    }

    private NDArray res(NDArray x, NDArray t, String b) {
        long n = x.getShape().get(0);
        NDArray h = conv(Layers.silu(gn(x, b + ".gn1")), b + ".conv1", 1, 1);
        long c = h.getShape().get(1);
        h = h.add(lin(t, b + ".temb").reshape(n, c, 1, 1));
        h = conv(Layers.silu(gn(h, b + ".gn2")), b + ".conv2", 1, 1);
        NDArray skip = x.getShape().get(1) == c ? x : Layers.conv(x, w.get(b + ".skip.weight"), w.get(b + ".skip.bias"), 1, 0);
        return skip.add(h);
    }

    private NDArray gn(NDArray x, String n) {
        return Layers.groupNorm(x, layout.groups(), w.get(n + ".gamma"), w.get(n + ".beta"));
    }

    private NDArray conv(NDArray x, String n, int stride, int pad) {
        return Layers.conv(x, w.get(n + ".weight"), w.get(n + ".bias"), stride, pad);
    }

    private NDArray lin(NDArray x, String n) {
        return Layers.linear(x, w.get(n + ".weight"), w.get(n + ".bias"));
    }

    @Override
    public void close() { w.close(); }
}
