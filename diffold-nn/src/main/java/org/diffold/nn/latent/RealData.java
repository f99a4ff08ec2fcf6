package org.diffold.nn.latent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.diffold.core.data.DataFiles;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.FashionMnist;
import org.diffold.core.data.Scaling;
import org.diffold.nn.image.ImageShape;

/**
 * Real data for training (docs/math.md §7), from a spec:
 * <ul>
 *   <li>{@code fashion-mnist[:classes=0/3/...,dir=FOLDER]}: the Debian package's training images (optionally only
 *       some classes), pixels 0..255 mapped to [-1, 1] by x / 127.5 - 1, held out: its own t10k set (same classes),
 *       shape 28x28x1, labels kept;</li>
 *   <li>a file ({@code .npy}, {@code .csv}, IDX; see {@link DataFiles}): rows scaled to [-1, 1] by the global
 *       min-max ({@link Scaling#SYMMETRIC}) when {@code scale} is true, the last tenth of the rows held out [ours],
 *       the image shape given or, for a square number of values per row, taken as HxHx1.</li>
 * </ul>
 *
 * @param data training and held-out rows with the image shape
 * @param trainLabels class of each training row (null without labels)
 * @param heldOutLabels class of each held-out row (null without labels)
 */
public record RealData(LatentData data, int[] trainLabels, int[] heldOutLabels) {
    /** Fashion-MNIST's class names, by label. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** True when the spec names Fashion-MNIST. */
    public static boolean isFashionMnist(String spec) {
        return spec.equals("fashion-mnist") || spec.startsWith("fashion-mnist:");
    }

    /**
     * Loads a spec.
     *
     * @param maxTrain at most this many training rows (the first ones)
     * @param maxHeldOut at most this many held-out rows
     * @param shape image shape of file data, or null (inferred when square)
     * @param scale whether file data is scaled to [-1, 1]
     */
    public static RealData load(String spec, int maxTrain, int maxHeldOut, ImageShape shape, boolean scale) throws IOException {
        if (maxTrain < 2) throw new IllegalArgumentException("--n-train must be >= 2, got " + maxTrain);
        if (isFashionMnist(spec)) return fashionMnist(spec, maxTrain, maxHeldOut);
        DataMatrix m = DataFiles.read(Path.of(spec));
        int bad = indexOfNonFinite(m.values());
        if (bad >= 0) {
            throw new IllegalArgumentException("--data " + spec + ": row " + (bad / m.cols()) + ", column " + (bad % m.cols()) + " is "
                    + m.values()[bad] + "; remove or impute non-finite values before training");
        }
        if (scale) m = Scaling.SYMMETRIC.apply(m);
        ImageShape sh = shape;
        if (sh == null) {
            int side = (int) Math.round(Math.sqrt(m.cols()));
            if (side * side == m.cols() && side > 1) sh = new ImageShape(side, side, 1);
        } else if (sh.dim() != m.cols()) {
            throw new IllegalArgumentException("--image-shape " + sh + " has " + sh.dim() + " values, the rows of " + spec + " have " + m.cols());
        }
        int n = m.rows(), held = Math.max(1, n / 10), train = n - held;
        if (train < 2) throw new IllegalArgumentException("--data " + spec + " has " + n + " rows; training needs at least 3");
        int keepTrain = Math.min(train, maxTrain), keepHeld = Math.min(held, maxHeldOut);
        double[] tr = new double[keepTrain * m.cols()], ho = new double[keepHeld * m.cols()];
        System.arraycopy(m.values(), 0, tr, 0, tr.length);
        System.arraycopy(m.values(), train * m.cols(), ho, 0, ho.length);
        return new RealData(new LatentData(tr, ho, m.cols(), sh, m.source()), null, null);
    }

    private static int indexOfNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) if (!Double.isFinite(v[i])) return i;
        return -1;
    }

    private static RealData fashionMnist(String spec, int maxTrain, int maxHeldOut) throws IOException {
        boolean[] keep = new boolean[10];
        java.util.Arrays.fill(keep, true);
        Path dir = FashionMnist.DEFAULT_DIR;
        String classes = "all";
        if (spec.contains(":")) {
            for (String kv : spec.substring(spec.indexOf(':') + 1).split(",(?=[a-z]+=)")) {
                int eq = kv.indexOf('=');
                String key = eq < 0 ? kv : kv.substring(0, eq).trim(), val = eq < 0 ? "" : kv.substring(eq + 1).trim();
                switch (key) {
                    case "classes" -> {
                        java.util.Arrays.fill(keep, false);
                        classes = val;
                        for (String c : val.split("[/,]")) {
                            int k;
                            try {
                                k = Integer.parseInt(c.trim());
                            } catch (NumberFormatException e) {
                                k = -1;
                            }
                            if (k < 0 || k > 9) throw new IllegalArgumentException("--data fashion-mnist: classes must be labels 0..9 separated by ',' or '/', got '" + val + "'");
                            keep[k] = true;
                        }
                    }
                    case "dir" -> dir = Path.of(val);
                    default -> throw new IllegalArgumentException("--data fashion-mnist: unknown parameter '" + key + "'; allowed: classes, dir");
                }
            }
        }
        Part train = part(dir, FashionMnist.Split.TRAIN, keep, maxTrain);
        Part test = part(dir, FashionMnist.Split.TEST, keep, maxHeldOut);
        String desc = "fashion-mnist classes=" + classes + " (train " + train.labels.length + ", t10k " + test.labels.length + ")";
        return new RealData(new LatentData(train.rows, test.rows, 784, ImageShape.FASHION_MNIST, desc), train.labels, test.labels);
    }

    private record Part(double[] rows, int[] labels) {}

    private static Part part(Path dir, FashionMnist.Split split, boolean[] keep, int max) throws IOException {
        DataMatrix img = FashionMnist.images(dir, split), lab = FashionMnist.labels(dir, split);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < img.rows() && idx.size() < max; i++) if (keep[(int) lab.values()[i]]) idx.add(i);
        double[] rows = new double[idx.size() * 784];
        int[] labels = new int[idx.size()];
        for (int r = 0; r < idx.size(); r++) {
            int i = idx.get(r);
            labels[r] = (int) lab.values()[i];
            for (int j = 0; j < 784; j++) rows[r * 784 + j] = img.values()[i * 784 + j] / 127.5 - 1;
        }
        return new Part(rows, labels);
    }

    /** The spec's printable name. */
    public static String name(String spec) {
        return isFashionMnist(spec) ? spec : Path.of(spec).getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
