package org.diffold.lab.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A grid of small images as one PNG: rows are images flattened row-major HWC (1 or 3 channels), values mapped
 * linearly from [lo, hi] to 0..255 and clamped, {@code columns} images per grid row, 1-pixel gaps.
 */
public final class ImageGrid {
    private ImageGrid() {}

    /** Writes the grid to {@code png} atomically (temp + rename). */
    public static void writePng(Path png, double[][] rows, int height, int width, int channels, int columns, double lo, double hi)
            throws IOException {
        AtomicFiles.write(png, png(rows, height, width, channels, columns, lo, hi));
    }

    /** The grid as PNG bytes. */
    public static byte[] png(double[][] rows, int height, int width, int channels, int columns, double lo, double hi) throws IOException {
        if (rows.length < 1) throw new IllegalArgumentException("image grid needs at least one image");
        if (height < 1 || width < 1) throw new IllegalArgumentException("image size must be >= 1 x 1, got " + height + " x " + width);
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        if (!(hi > lo)) throw new IllegalArgumentException("value range needs lo < hi, got [" + lo + ", " + hi + "]");
        int size = height * width * channels;
        for (double[] r : rows) {
            if (r.length != size) throw new IllegalArgumentException("image rows must hold H*W*C = " + size + " values, got " + r.length);
        }
        int cols = Math.min(columns, rows.length), gridRows = (rows.length + cols - 1) / cols;
        int w = cols * (width + 1) + 1, h = gridRows * (height + 1) + 1;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, 0x808080);
        double scale = 255 / (hi - lo);
        for (int i = 0; i < rows.length; i++) {
            int ox = 1 + (i % cols) * (width + 1), oy = 1 + (i / cols) * (height + 1);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int o = (y * width + x) * channels;
                    int r = level(rows[i][o], lo, scale);
                    int g = channels == 3 ? level(rows[i][o + 1], lo, scale) : r;
                    int b = channels == 3 ? level(rows[i][o + 2], lo, scale) : r;
                    img.setRGB(ox + x, oy + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static int level(double v, double lo, double scale) {
        double s = (v - lo) * scale;
        if (!(s > 0)) return 0;
        return (int) Math.min(255, Math.round(s));
    }
}
