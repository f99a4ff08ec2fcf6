package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.target.GmmSubspaceTarget;
import org.diffold.core.target.Target;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.net.Architecture;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training resumed from a checkpoint equals uninterrupted training bit for bit (CPU, one PyTorch thread). */
class ResumeTest {
    @TempDir Path dir;

    private static Target target() {
        return GmmSubspaceTarget.random(Subspace.random(6, 2, new java.util.SplittableRandom(3)), 4, 0.1,
                new java.util.SplittableRandom(4));
    }

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        resumeIsBitExact(NetworkSpec.mlp(6, 32, 3).with(Architecture.RESMLP));
    }

    @Test
    void resumedEdmPcaRunEqualsUninterruptedRun() throws Exception {
        resumeIsBitExact(NetworkSpec.mlp(6, 32, 3).with(org.diffold.nn.net.Parameterisation.EDM_PCA));
    }

    private void resumeIsBitExact(NetworkSpec spec) throws Exception {
        Target target = target();
        TrainingData data = NnTestSupport.data(target, 500, 5);
        TrainConfig cfg = NnTestSupport.small(60, 32);
        Checkpoint straight;
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            t.train(null, null);
            straight = t.checkpoint();
        }
        Path file = dir.resolve("model/" + spec.parameterisation().cliName() + ".dfnn");
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            t.trainUntil(25, null, file);
        }
        Checkpoint half = CheckpointFormat.read(file);
        assertEquals(25, half.step());
        Checkpoint resumed;
        try (Trainer t = Trainer.resume(half, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            t.train(null, null);
            resumed = t.checkpoint();
        }
        assertEquals(60, resumed.step());
        for (String name : straight.floats().keySet()) {
            assertArrayEquals(straight.floats(name), resumed.floats(name), 0f, name); // delta 0: bitwise equal values
        }
        assertArrayEquals(straight.doubles("history/loss"), resumed.doubles("history/loss"), 0.0);
        assertArrayEquals(straight.doubles("history/eval"), resumed.doubles("history/eval"), 0.0);
        for (String name : NetworkSpec.WHITENING_TENSORS) { // stored exactly when the parameterisation needs them
            assertEquals(spec.parameterisation().needsWhitening(), half.doubles().containsKey(name), name);
            if (straight.doubles().containsKey(name)) assertArrayEquals(straight.doubles(name), resumed.doubles(name), 0.0, name);
        }
    }

    @Test
    void mismatchedOrCorruptCheckpointGivesOneLineError() throws Exception {
        Target target = target();
        TrainingData data = NnTestSupport.data(target, 200, 5);
        NetworkSpec spec = NetworkSpec.mlp(6, 16, 2);
        TrainConfig cfg = NnTestSupport.small(10, 16);
        Path file = dir.resolve("ck.dfnn");
        try (Trainer t = Trainer.create(spec, cfg, data, NnTestSupport.cpu(), null, Map.of())) {
            t.trainUntil(5, null, file);
        }
        Checkpoint c = CheckpointFormat.read(file);
        TrainConfig otherLr = cfg.withOptimiser(16, new LrSchedule("cosine", 1e-2, 20, 0.1), 1.0, 0.99);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Trainer.resume(c, otherLr, data, NnTestSupport.cpu(), null, Map.of()));
        assertTrue(e.getMessage().contains("train.lr.peak=0.003") && !e.getMessage().contains("\n"), e.getMessage());
        TrainingData other = NnTestSupport.data(target, 200, 6);
        e = assertThrows(CheckpointException.class, () -> Trainer.resume(c, cfg, other, NnTestSupport.cpu(), null, Map.of()));
        assertTrue(e.getMessage().contains("other data"), e.getMessage());

        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Path bad = dir.resolve("bad.dfnn");
        java.nio.file.Files.write(bad, bytes);
        e = assertThrows(CheckpointException.class, () -> CheckpointFormat.read(bad));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }
}
