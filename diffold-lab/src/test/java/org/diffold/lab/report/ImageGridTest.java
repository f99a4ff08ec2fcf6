package org.diffold.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir Path dir;

    @Test
    void tilesAreLaidOutWithOnePixelGapsAndValuesMapLinearly() throws Exception {
        int h = 3, w = 2;
        double[][] rows = new double[5][h * w];
        for (int n = 0; n < 5; n++) for (int i = 0; i < h * w; i++) rows[n][i] = -1 + 2.0 * i / (h * w - 1);
        rows[4][0] = 7; // clamped to white
        rows[4][1] = -9; // clamped to black
        Path png = dir.resolve("g.png");
        ImageGrid.writePng(png, rows, h, w, 1, 3, -1, 1);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3 * (w + 1) - 1, img.getWidth());
        assertEquals(2 * (h + 1) - 1, img.getHeight());
        assertEquals(0x000000, img.getRGB(0, 0) & 0xFFFFFF); // value -1
        assertEquals(0xFFFFFF, img.getRGB(1, 2) & 0xFFFFFF); // value +1 (last pixel of tile 0)
        assertEquals(0xFFFFFF, img.getRGB(w, 0) & 0xFFFFFF); // gap column
        int mid = (int) Math.round((rows[0][2] + 1) / 2 * 255); // pixel (row 1, col 0)
        assertEquals(mid * 0x010101, img.getRGB(0, 1) & 0xFFFFFF);
        // tile 4 is at tile row 1, column 1
        assertEquals(0xFFFFFF, img.getRGB(w + 1, h + 1) & 0xFFFFFF);
        assertEquals(0x000000, img.getRGB(w + 2, h + 1) & 0xFFFFFF);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void rgbChannelsAreHwcInterleaved() {
        double[][] rows = {{1, 0, 0, 0, 1, 0}}; // 1 x 2 image: red, green
        BufferedImage img = ImageGrid.render(rows, 1, 2, 3, 4, 0, 1);
        assertEquals(0xFF0000, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x00FF00, img.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void badShapesAreOneLineErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new double[][] {{1, 2, 3}}, 2, 2, 1, 1, 0, 1));
        assertEquals("image 0 has 3 values, expected 2x2x1 = 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new double[][] {{1}}, 1, 1, 2, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new double[][] {{1}}, 1, 1, 1, 1, 1, 1));
    }
}
