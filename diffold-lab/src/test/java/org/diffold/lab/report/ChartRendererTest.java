package org.diffold.lab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRendererTest {

    static LineChartSpec logLogChart() {
        double[] n = {10, 100, 1000, 10000};
        return LineChartSpec.builder("error vs steps").xLabel("steps").yLabel("KL error").logX().logY()
                .series("euler", n, new double[] {1e-1, 1e-2, 1e-3, 1e-4}, new double[] {1e-2, 1e-3, 1e-4, 1e-5})
                .series("heun", n, new double[] {1e-2, 1e-4, 1e-6, 1e-8})
                .build();
    }

    @Test
    void rendersPngAndSvgHeadless() throws IOException {
        byte[] png = ChartRenderer.png(logLogChart());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ChartRenderer.WIDTH, img.getWidth());
        assertEquals(ChartRenderer.HEIGHT, img.getHeight());
        String svg = new String(ChartRenderer.svg(logLogChart()), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("error vs steps") || svg.contains("<path"), "svg has content");
    }

    @Test
    void writesFilesAtomically(@TempDir Path dir) throws IOException {
        Path png = ChartRenderer.writePng(logLogChart(), dir.resolve("c.png"));
        Path svg = ChartRenderer.writeSvg(logLogChart(), dir.resolve("c.svg"));
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.size(svg) > 1000);
    }

    @Test
    void rejectsNonPositiveValuesOnLogAxesAndBadLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineChartSpec.builder("t")
                .logY().series("s", new double[] {1, 2}, new double[] {1, 0}).build());
        assertEquals("series 's': y[1] = 0.0 must be > 0 on the logarithmic y axis", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LineChartSpec.builder("t")
                .series("s", new double[] {1, 2}, new double[] {1}).build());
        assertEquals("series 's': x has 2 points and y has 1; both must have the same length >= 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineChartSpec.builder("t")
                .series("s", new double[] {1}, new double[] {Double.NaN}).build());
        assertThrows(IllegalArgumentException.class, () -> LineChartSpec.builder("t").build());
    }
}
