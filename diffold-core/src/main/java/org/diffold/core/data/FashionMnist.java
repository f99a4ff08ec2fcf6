package org.diffold.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) as shipped by the Debian package {@code dataset-fashion-mnist}:
 * gzipped IDX files {@code train-images-idx3-ubyte.gz} (60000 images) and {@code t10k-images-idx3-ubyte.gz} (10000),
 * 28 x 28 pixels 0..255, with {@code *-labels-idx1-ubyte.gz} beside them. Images load as rows of D = 784 raw pixel
 * values (scale with {@link Scaling}).
 */
public final class FashionMnist {
    /** Where the Debian package installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The hint given when the files are missing. */
    public static final String INSTALL_HINT = "install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or point to its folder";

    /** The two splits. */
    public enum Split {
        /** 60000 training images. */
        TRAIN("train"),
        /** 10000 test images. */
        TEST("t10k");

        private final String prefix;
        Split(String prefix) { this.prefix = prefix; }
    }

    private FashionMnist() {}

    /** The images file of a split in a folder. */
    public static Path imagesFile(Path dir, Split split) {
        return dir.resolve(split.prefix + "-images-idx3-ubyte.gz");
    }

    /** The labels file of a split in a folder. */
    public static Path labelsFile(Path dir, Split split) {
        return dir.resolve(split.prefix + "-labels-idx1-ubyte.gz");
    }

    /**
     * The images of a split, n x 784.
     *
     * @throws IllegalArgumentException when the file is missing (naming the package to install) or corrupt
     */
    public static DataMatrix images(Path dir, Split split) throws IOException {
        return images(dir, split, Integer.MAX_VALUE);
    }

    /** The first {@code maxRows} images of a split (the whole file is still validated). */
    public static DataMatrix images(Path dir, Split split, int maxRows) throws IOException {
        DataMatrix m = IdxReader.read(imagesFile(dir, split), INSTALL_HINT, maxRows);
        String rows = m.source().contains("(first ") ? " (first " + m.rows() + " rows)" : "";
        return new DataMatrix(m.values(), m.rows(), m.cols(), "fashion-mnist " + split.prefix + rows);
    }

    /** The labels of a split, n x 1. */
    public static DataMatrix labels(Path dir, Split split) throws IOException {
        return IdxReader.read(labelsFile(dir, split), INSTALL_HINT);
    }
}
