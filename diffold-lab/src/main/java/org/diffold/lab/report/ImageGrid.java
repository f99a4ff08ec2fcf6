package org.diffold.lab.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A grid of small images as one PNG: rows are images flattened row-major HWC (height x width x channels, channels 1
 * grey or 3 RGB), values mapped linearly from [lo, hi] to 0..255 and clamped, one-pixel gaps (white) between tiles.
 * Used by every report of image models and by {@code diffold sample --out grid.png}.
 */
public final class ImageGrid {
    private ImageGrid() {}

    /** Writes the grid of {@code rows} to {@code png} atomically (temp file + rename). */
    public static void writePng(Path png, double[][] rows, int height, int width, int channels, int columns, double lo, double hi) {
        try {
            AtomicFiles.write(png, pngBytes(rows, height, width, channels, columns, lo, hi));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image grid " + png + ": " + e.getMessage(), e);
        }
    }

    /** The PNG bytes of the grid (see the class comment). */
    public static byte[] pngBytes(double[][] rows, int height, int width, int channels, int columns, double lo, double hi) {
        BufferedImage img = render(rows, height, width, channels, columns, lo, hi);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer available");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The grid as an RGB image: ceil(n / columns) tile rows, gaps of one white pixel. */
    public static BufferedImage render(double[][] rows, int height, int width, int channels, int columns, double lo, double hi) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("image height and width must be >= 1, got " + height + "x" + width);
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("value range [lo, hi] must be finite with hi > lo, got [" + lo + ", " + hi + "]");
        }
        if (rows.length == 0) throw new IllegalArgumentException("image grid needs at least one image");
        int size = height * width * channels;
        int cols = Math.min(columns, rows.length), tileRows = (rows.length + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * (width + 1) - 1, tileRows * (height + 1) - 1, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, 0xFFFFFF);
        double scale = 255 / (hi - lo);
        for (int n = 0; n < rows.length; n++) {
            double[] r = rows[n];
            if (r.length != size) {
                throw new IllegalArgumentException("image " + n + " has " + r.length + " values, expected " + height + "x" + width + "x" + channels + " = " + size);
            }
            int x0 = (n % cols) * (width + 1), y0 = (n / cols) * (height + 1);
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    int off = (i * width + j) * channels;
                    int red = level(r[off], lo, scale);
                    int rgb = channels == 1 ? red * 0x010101 : (red << 16) | (level(r[off + 1], lo, scale) << 8) | level(r[off + 2], lo, scale);
                    img.setRGB(x0 + j, y0 + i, rgb);
                }
            }
        }
        return img;
    }

    /** Rows of a flat n x d array (copies). */
    public static double[][] rows(double[] flat, int n, int d) {
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) r[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        return r;
    }

    /**
     * PNG of the first n images of {@code x} and their reconstructions {@code rec}: tile rows of {@code columns}
     * originals alternate with the rows of their reconstructions (missing tiles at value lo).
     */
    public static byte[] pairsPng(double[] x, double[] rec, int n, int height, int width, int channels, int columns, double lo, double hi) {
        int d = height * width * channels;
        java.util.List<double[]> tiles = new java.util.ArrayList<>();
        double[] blank = new double[d];
        java.util.Arrays.fill(blank, lo);
        for (int from = 0; from < n; from += columns) {
            for (double[] src : new double[][] {x, rec}) {
                for (int i = from; i < from + columns; i++) tiles.add(i < n ? java.util.Arrays.copyOfRange(src, i * d, (i + 1) * d) : blank);
            }
        }
        return pngBytes(tiles.toArray(double[][]::new), height, width, channels, columns, lo, hi);
    }

    private static int level(double v, double lo, double scale) {
        if (Double.isNaN(v)) return 0;
        long q = Math.round((v - lo) * scale);
        return (int) Math.max(0, Math.min(255, q));
    }
}
