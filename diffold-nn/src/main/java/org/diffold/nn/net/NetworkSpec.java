package org.diffold.nn.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a score network: body, ambient dimension D, width, depth L (number of activations), activation,
 * parameterisation, noise embedding and sigma_data (the data scale of the {@code edm} preconditioning; NaN = estimate
 * from the training data when training starts, see {@link #withSigmaData}). Input width is D + embedding size, output
 * width D. Round-trips through {@link #toMap()} / {@link #fromMap(Map)} for checkpoints; a checkpoint without
 * {@code net.sigmaData} (written before preconditioning existed) reads as NaN. The {@link Whitening} of
 * {@code edm-pca} (null = estimate from the training data; null for the other parameterisations) is stored as
 * checkpoint tensors, not in the map (see {@link #WHITENING_TENSORS}). The {@code unet} body carries its
 * {@link UnetLayout} (image shape, channels, groups; null for the MLPs); its width is c_1, its depth the number of
 * levels and its activation SiLU.
 */
public record NetworkSpec(Architecture architecture, int dim, int width, int depth, Activation activation,
                          Parameterisation parameterisation, NoiseEmbedding embedding, double sigmaData,
                          Whitening whitening, UnetLayout unet) {
    /** Checkpoint tensor names of the whitening: mean, directions (D x r row-major), variances, {remainder variance}. */
    public static final java.util.List<String> WHITENING_TENSORS =
            java.util.List.of("whitening/mu", "whitening/q", "whitening/var", "whitening/varRest");

    /** Default width and depth (ours). */
    public static final int DEFAULT_WIDTH = 256, DEFAULT_DEPTH = 4;

    /** Validates the ranges. */
    public NetworkSpec {
        if (architecture == null || activation == null || parameterisation == null || embedding == null) {
            throw new IllegalArgumentException("network spec fields must not be null");
        }
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (width < 1) throw new IllegalArgumentException("width must be >= 1, got " + width);
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        if (!Double.isNaN(sigmaData) && !(sigmaData > 0 && sigmaData < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sigma_data must be in (0, inf) or NaN (estimate from data), got " + sigmaData);
        }
        if (whitening != null && whitening.dim() != dim) {
            throw new IllegalArgumentException("whitening dim " + whitening.dim() + " differs from network dim " + dim);
        }
        if ((architecture == Architecture.UNET) != (unet != null)) {
            throw new IllegalArgumentException(architecture == Architecture.UNET ? "--arch unet needs image data (an image shape), got none"
                    : "a unet layout goes with --arch unet only, got " + architecture.cliName());
        }
        if (unet != null && unet.shape().dim() != dim) {
            throw new IllegalArgumentException("--arch unet: image shape " + unet.shape() + " has " + unet.shape().dim()
                    + " values, the data has dimension " + dim);
        }
    }

    /** A spec without a U-Net layout (the MLP bodies). */
    public NetworkSpec(Architecture architecture, int dim, int width, int depth, Activation activation,
                       Parameterisation parameterisation, NoiseEmbedding embedding, double sigmaData, Whitening whitening) {
        this(architecture, dim, width, depth, activation, parameterisation, embedding, sigmaData, whitening, null);
    }

    /** A spec without a whitening. */
    public NetworkSpec(Architecture architecture, int dim, int width, int depth, Activation activation,
                       Parameterisation parameterisation, NoiseEmbedding embedding, double sigmaData) {
        this(architecture, dim, width, depth, activation, parameterisation, embedding, sigmaData, null, null);
    }

    /** A spec whose sigma_data is estimated from the training data (NaN). */
    public NetworkSpec(Architecture architecture, int dim, int width, int depth, Activation activation,
                       Parameterisation parameterisation, NoiseEmbedding embedding) {
        this(architecture, dim, width, depth, activation, parameterisation, embedding, Double.NaN, null, null);
    }

    /** The default parameterisation of new networks: the preconditioned denoiser ({@link Parameterisation#EDM}). */
    public static final Parameterisation DEFAULT_PARAMETERISATION = Parameterisation.EDM;

    /** An MLP with GELU, the default parameterisation ({@code edm}, sigma_data from the data) and embedding. */
    public static NetworkSpec mlp(int dim, int width, int depth) {
        return new NetworkSpec(Architecture.MLP, dim, width, depth, Activation.GELU, DEFAULT_PARAMETERISATION, NoiseEmbedding.DEFAULT);
    }

    /** A U-Net on rows of {@code layout}'s image shape, with {@code p} and the default embedding (sigma_data from the data). */
    public static NetworkSpec unet(UnetLayout layout, Parameterisation p) {
        return new NetworkSpec(Architecture.UNET, layout.shape().dim(), layout.channels(0), layout.levels(), Activation.SILU, p,
                NoiseEmbedding.DEFAULT, Double.NaN, null, layout);
    }

    /** A copy with another parameterisation. */
    public NetworkSpec with(Parameterisation p) {
        return new NetworkSpec(architecture, dim, width, depth, activation, p, embedding, sigmaData, whitening, unet);
    }

    /** A copy with another MLP architecture (mlp, resmlp). */
    public NetworkSpec with(Architecture a) {
        return new NetworkSpec(a, dim, width, depth, activation, parameterisation, embedding, sigmaData, whitening, unet);
    }

    /** A copy with sigma_data fixed (a positive value) or left to the data (NaN). */
    public NetworkSpec withSigmaData(double sd) {
        return new NetworkSpec(architecture, dim, width, depth, activation, parameterisation, embedding, sd, whitening, unet);
    }

    /** A copy with a whitening (for {@code edm-pca}) or none (null). */
    public NetworkSpec withWhitening(Whitening w) {
        return new NetworkSpec(architecture, dim, width, depth, activation, parameterisation, embedding, sigmaData, w, unet);
    }

    /** The whitening's tensors under {@link #WHITENING_TENSORS} names; empty without a whitening. */
    public Map<String, double[]> whiteningTensors() {
        Map<String, double[]> m = new java.util.LinkedHashMap<>();
        if (whitening == null) return m;
        m.put(WHITENING_TENSORS.get(0), whitening.mean());
        m.put(WHITENING_TENSORS.get(1), whitening.directions());
        m.put(WHITENING_TENSORS.get(2), whitening.variances());
        m.put(WHITENING_TENSORS.get(3), new double[] {whitening.varRest()});
        return m;
    }

    /** A copy with the whitening read from {@link #whiteningTensors()}-style tensors; unchanged when they are absent. */
    public NetworkSpec withWhiteningTensors(Map<String, double[]> t) {
        if (!t.containsKey(WHITENING_TENSORS.get(0))) return this;
        for (String k : WHITENING_TENSORS) if (!t.containsKey(k)) throw new IllegalArgumentException("whitening tensor '" + k + "' is missing");
        double[] rest = t.get(WHITENING_TENSORS.get(3));
        if (rest.length != 1) throw new IllegalArgumentException("whitening/varRest must have 1 value, got " + rest.length);
        return withWhitening(new Whitening(t.get(WHITENING_TENSORS.get(0)), t.get(WHITENING_TENSORS.get(1)),
                t.get(WHITENING_TENSORS.get(2)), rest[0]));
    }

    /** True when the network can be evaluated: what the parameterisation needs (sigma_data, whitening) is set. */
    public boolean resolved() {
        return (!parameterisation.needsSigmaData() || !Double.isNaN(sigmaData))
                && (!parameterisation.needsWhitening() || whitening != null);
    }

    /** Input width D + embedding size. */
    public int inputWidth() { return dim + embedding.size(); }

    /** Linear layers in order: depth + 1 of them (MLP bodies). */
    public int layers() { return depth + 1; }

    /** {out, in} of linear layer i. */
    public int[] layerShape(int i) {
        if (i < 0 || i > depth) throw new IndexOutOfBoundsException("layer must be in [0, " + depth + "], got " + i);
        int in = i == 0 ? inputWidth() : width;
        int out = i == depth ? dim : width;
        return new int[] {out, in};
    }

    /** Parameter names in storage order: layer{i}.weight (out x in), layer{i}.bias (out). */
    public List<String> parameterNames() {
        if (unet != null) return UnetNetwork.declare(this).names();
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= depth; i++) {
            names.add("layer" + i + ".weight");
            names.add("layer" + i + ".bias");
        }
        return names;
    }

    /** Shape of parameter j in {@link #parameterNames()} order. */
    public long[] parameterShape(int j) {
        int[] s = layerShape(j / 2);
        return j % 2 == 0 ? new long[] {s[0], s[1]} : new long[] {s[0]};
    }

    /** Total number of parameters. */
    public long parameterCount() {
        if (unet != null) return UnetNetwork.declare(this).count();
        long n = 0;
        for (int i = 0; i <= depth; i++) {
            int[] s = layerShape(i);
            n += (long) s[0] * s[1] + s[0];
        }
        return n;
    }

    /** Flat string map for checkpoints and provenance. */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("net.architecture", architecture.cliName());
        m.put("net.dim", Integer.toString(dim));
        m.put("net.width", Integer.toString(width));
        m.put("net.depth", Integer.toString(depth));
        m.put("net.activation", activation.cliName());
        m.put("net.parameterisation", parameterisation.cliName());
        m.put("net.embedding.size", Integer.toString(embedding.size()));
        m.put("net.embedding.omegaMin", Double.toString(embedding.omegaMin()));
        m.put("net.embedding.omegaMax", Double.toString(embedding.omegaMax()));
        if (!Double.isNaN(sigmaData)) m.put("net.sigmaData", Double.toString(sigmaData));
        if (whitening != null) m.put("net.whitening.rank", Integer.toString(whitening.rank()));
        if (unet != null) {
            m.put("net.unet.shape", unet.shape().toString());
            m.put("net.unet.options", unet.options());
        }
        return m;
    }

    /** Inverse of {@link #toMap()} without the whitening (see {@link #withWhiteningTensors}); a missing key is a one-line error naming it. */
    public static NetworkSpec fromMap(Map<String, String> m) {
        Architecture a = Architecture.parse(get(m, "net.architecture"));
        UnetLayout u = a != Architecture.UNET ? null
                : UnetLayout.parse(get(m, "net.unet.options"), org.diffold.nn.image.ImageShape.parse(get(m, "net.unet.shape")));
        return new NetworkSpec(a, Integer.parseInt(get(m, "net.dim")),
                Integer.parseInt(get(m, "net.width")), Integer.parseInt(get(m, "net.depth")),
                Activation.parse(get(m, "net.activation")), Parameterisation.parse(get(m, "net.parameterisation")),
                new NoiseEmbedding(Integer.parseInt(get(m, "net.embedding.size")),
                        Double.parseDouble(get(m, "net.embedding.omegaMin")), Double.parseDouble(get(m, "net.embedding.omegaMax"))),
                m.containsKey("net.sigmaData") ? Double.parseDouble(m.get("net.sigmaData")) : Double.NaN, null, u);
    }

    private static String get(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) throw new IllegalArgumentException("network spec is missing '" + key + "'");
        return v;
    }
}
