package org.diffold.nn.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.diffold.nn.runtime.NnRuntime;
import org.junit.jupiter.api.Test;

class LayersTest {
    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (3 * r.nextGaussian() + 1);
        return v;
    }

    @Test
    void fusedGroupNormEqualsTheFormulaForwardAndBackward() {
        NnRuntime.engine(1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(random(2 * 8 * 5 * 3, 1), new Shape(2, 8, 5, 3)), x2 = x.duplicate();
            NDArray gamma = m.create(random(8, 2)), beta = m.create(random(8, 3));
            x.setRequiresGradient(true);
            x2.setRequiresGradient(true);
            float[] fused, ref, gFused, gRef;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray y = Layers.groupNorm(x, 4, gamma, beta);
                fused = y.toFloatArray();
                gc.backward(y.square().sum());
            }
            gFused = x.getGradient().toFloatArray();
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray y = Layers.groupNormReference(x2, 4, gamma, beta);
                ref = y.toFloatArray();
                gc.backward(y.square().sum());
            }
            gRef = x2.getGradient().toFloatArray();
            assertArrayEquals(ref, fused, 2e-5f);
            assertArrayEquals(gRef, gFused, 2e-4f);
            // each (sample, group) is standardised: with gamma = 1, beta = 0 the group mean is 0 and variance 1
            float[] z = Layers.groupNorm(x, 4, m.ones(new Shape(8)), m.zeros(new Shape(8))).toFloatArray();
            double mean = 0, sq = 0;
            for (int i = 0; i < 30; i++) { mean += z[i] / 30; sq += z[i] * z[i] / 30.0; }
            assertEquals(0, mean, 1e-5);
            assertEquals(1, sq, 1e-3);
        }
    }

    @Test
    void nearestUpsamplingCopiesEachPixelToA2x2Block() {
        NnRuntime.engine(1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(random(2 * 3 * 4 * 5, 4), new Shape(2, 3, 4, 5));
            NDArray up = Layers.upsample2(x);
            assertEquals(new Shape(2, 3, 8, 10), up.getShape());
            assertArrayEquals(Layers.upsample2Reference(x).toFloatArray(), up.toFloatArray(), 0f);
        }
    }
}
