package org.diffold.nn.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.diffold.core.data.FashionMnist;
import org.diffold.nn.image.ImageShape;
import org.junit.jupiter.api.Test;

class RealDataTest {
    @Test
    void fashionMnistClassesAreFilteredScaledToMinusOneOneAndHeldOutFromT10k() throws Exception {
        assumeTrue(Files.exists(FashionMnist.imagesFile(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TEST)), "dataset-fashion-mnist not installed");
        RealData d = RealData.load("fashion-mnist:classes=0,3", 50, 20, null, true);
        assertEquals(ImageShape.FASHION_MNIST, d.data().shape());
        assertEquals(50, d.data().trainRows());
        assertEquals(20, d.data().heldOutRows());
        for (int l : d.trainLabels()) assertTrue(l == 0 || l == 3, "label " + l);
        for (int l : d.heldOutLabels()) assertTrue(l == 0 || l == 3, "label " + l);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : d.data().train()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        assertEquals(-1, lo, 1e-12);
        assertEquals(1, hi, 1e-12);
        // x / 127.5 - 1 maps the 256 pixel levels exactly
        for (double v : d.data().heldOut()) assertEquals(Math.rint((v + 1) * 127.5), (v + 1) * 127.5, 1e-9);
    }

    @Test
    void badSpecsAreOneLineErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> RealData.load("fashion-mnist:classes=0,12", 10, 10, null, true));
        assertEquals("--data fashion-mnist: classes must be labels 0..9 separated by ',' or '/', got '0,12'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RealData.load("fashion-mnist:colour=red", 10, 10, null, true));
        assertEquals("--data fashion-mnist: unknown parameter 'colour'; allowed: classes, dir", e.getMessage());
    }
}
