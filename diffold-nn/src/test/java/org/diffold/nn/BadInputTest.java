package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.diffold.core.target.Target;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.runtime.Devices;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.MemoryBudget;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.diffold.nn.train.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-line errors for bad data, sizes, devices and diverging training; the last good checkpoint survives. */
class BadInputTest {
    @TempDir Path dir;

    @Test
    void rejectsNonFiniteAndTooSmallData() {
        double[] rows = new double[40];
        rows[13] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(rows, 2, 0.1, 0, "x"));
        assertEquals("data row 6, column 1 is NaN; remove or impute non-finite values before training", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(new double[6], 2, 0.1, 0, "x"));
        assertTrue(e.getMessage().contains("3 rows; training needs at least 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(new double[0], 2, 0.1, 0, "x"));
        assertTrue(e.getMessage().contains("0 rows"), e.getMessage());
    }

    @Test
    void rejectsNetworkTooLargeForMemoryBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.check(NetworkSpec.mlp(1024, 40_000, 8), 512));
        // 7 hidden layers of 40000^2 weights = 1.1e10 parameters, x 4 bytes x 5 copies = 224 GB
        assertTrue(e.getMessage().startsWith("network too large for memory"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.check(NetworkSpec.mlp(100_000, 100_000, 1), 1));
        assertTrue(e.getMessage().startsWith("network too large"), e.getMessage());
    }

    @Test
    void rejectsUnknownOrMissingDevice() {
        var engine = NnRuntime.engine(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.parse("tpu", engine));
        assertTrue(e.getMessage().startsWith("unknown device 'tpu'"), e.getMessage());
        if (engine.getGpuCount() == 0) {
            e = assertThrows(IllegalArgumentException.class, () -> Devices.parse("gpu", engine));
            assertTrue(e.getMessage().contains("sees 0 GPU(s)"), e.getMessage());
            assertEquals(ai.djl.Device.cpu(), Devices.parse("auto", engine));
        }
    }

    @Test
    void divergingLossNamesTheStepAndKeepsLastGoodCheckpoint() throws Exception {
        Target target = NnTestSupport.gaussian2d();
        TrainingData data = NnTestSupport.data(target, 200, 1);
        // lr 1e30 without clipping: Adam moves weights by ~lr per step, so the loss overflows within a few steps
        TrainConfig cfg = NnTestSupport.small(50, 16).withOptimiser(16, new LrSchedule("constant", 1e30, 0, 0), 0, 0.99)
                .withIntervals(0, 1);
        Path file = dir.resolve("ck.dfnn");
        try (Trainer t = Trainer.create(NetworkSpec.mlp(2, 16, 2), cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.train(null, file));
            assertTrue(e.getMessage().startsWith("training diverged: ") && e.getMessage().contains("at step " + e.step()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("last good checkpoint: step " + (e.step() - 1)), e.getMessage());
            assertEquals(e.step() - 1, CheckpointFormat.read(file).step());
        }
    }
}
