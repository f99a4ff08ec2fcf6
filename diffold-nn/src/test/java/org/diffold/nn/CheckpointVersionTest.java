package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.target.Target;
import org.diffold.core.target.Targets;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.train.RunMetadata;
import org.diffold.nn.train.TrainedModel;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint format 2 (edm, net.sigmaData) next to format 1 files written before preconditioning existed. */
class CheckpointVersionTest {
    @TempDir Path dir;

    @Test
    void versionOneEpsilonCheckpointStillLoadsAndScoresTheSame() throws Exception {
        Target target = Targets.parse("gaussian-subspace:k=2", 6, 2, 3);
        TrainingData data = NnTestSupport.data(target, 200, 5);
        Path file = dir.resolve("ck.dfnn");
        try (Trainer t = Trainer.create(NetworkSpec.mlp(6, 16, 2).with(Parameterisation.EPSILON), NnTestSupport.small(5, 16), data,
                NnTestSupport.cpu(), null, Map.of())) {
            t.trainUntil(5, null, file);
        }
        assertTrue(!CheckpointFormat.read(file).meta().containsKey("net.sigmaData"), "epsilon writes no sigma_data");
        // A version-1 file is this file with version 1 (nothing else in it changed): patch the version, redo the CRC.
        Path v1 = dir.resolve("v1.dfnn");
        Files.write(v1, withVersion(Files.readAllBytes(file), 1));
        double[] x = new double[3 * 6];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(-0.5);
        double[] a = new double[x.length], b = new double[x.length];
        try (TrainedModel m2 = TrainedModel.load(file, NnTestSupport.cpu()); TrainedModel m1 = TrainedModel.load(v1, NnTestSupport.cpu())) {
            assertEquals(Parameterisation.EPSILON, m1.spec().parameterisation());
            m2.score().evaluator().score(level, x, a, 0, 3);
            m1.score().evaluator().score(level, x, b, 0, 3);
        }
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void edmCheckpointStoresSigmaDataAndRefusesToLoadWithoutIt() throws Exception {
        Target target = Targets.parse("gaussian-subspace:k=2", 6, 2, 3);
        TrainingData data = NnTestSupport.data(target, 200, 5);
        Path file = dir.resolve("ck.dfnn");
        try (Trainer t = Trainer.create(NetworkSpec.mlp(6, 16, 2), NnTestSupport.small(5, 16), data, NnTestSupport.cpu(), null, Map.of())) {
            t.trainUntil(5, null, file);
        }
        Checkpoint c = CheckpointFormat.read(file);
        assertEquals("edm", c.meta().get("net.parameterisation"));
        assertEquals(data.sigmaData(), Double.parseDouble(c.meta().get("net.sigmaData")));
        Map<String, String> meta = new LinkedHashMap<>(c.meta());
        meta.remove("net.sigmaData");
        CheckpointException e = assertThrows(CheckpointException.class, () -> RunMetadata.spec(new Checkpoint(meta, c.floats(), c.doubles())));
        assertTrue(e.getMessage().contains("net.sigmaData") && !e.getMessage().contains("\n"), e.getMessage());
    }

    /** The file with another version number and a recomputed CRC-32 (the last 8 bytes, over everything before them). */
    private static byte[] withVersion(byte[] good, int version) {
        byte[] b = good.clone();
        ByteBuffer.wrap(b).putInt("DIFFOLD-NN\n".length(), version);
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - Long.BYTES);
        ByteBuffer.wrap(b).putLong(b.length - Long.BYTES, crc.getValue());
        return b;
    }
}
