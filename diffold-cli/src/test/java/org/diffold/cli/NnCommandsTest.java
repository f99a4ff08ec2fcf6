package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, resume, sample, evaluate and reproduce learned-scores end to end at toy sizes, and their one-line errors. */
class NnCommandsTest {
    @TempDir Path dir;

    private String[] common(String... args) {
        return CliRun.inStore(dir, args);
    }

    @Test
    void trainResumeSampleEvaluate() throws Exception {
        Path model = dir.resolve("model");
        CliRun r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--n-train", "300", "--steps", "30",
                "--width", "16", "--depth", "2", "--batch", "32", "--eval-every", "15", "--checkpoint-every", "15", "--out", model.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained 30 steps"), r.out());
        assertTrue(Files.exists(model.resolve("checkpoint.dfnn")));

        r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--steps", "30", "--out", model.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already holds a checkpoint; pass --resume"), r.err());

        r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--n-train", "300", "--steps", "40", "--width", "16",
                "--depth", "2", "--batch", "32", "--eval-every", "15", "--checkpoint-every", "15", "--out", model.toString(), "--resume"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained 40 steps"), r.out());

        r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--n-train", "300", "--steps", "50", "--width", "32",
                "--depth", "2", "--batch", "32", "--out", model.toString(), "--resume"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("checkpoint mismatch: it was trained with net.width=16, this run has 32"), r.err());

        Path samples = dir.resolve("s.npy");
        r = CliRun.of(common("sample", "--model", model.toString(), "--design", "classic", "--steps", "20", "--n", "40", "--out", samples.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(128 + 40 * 6 * 8, Files.size(samples)); // .npy v1.0: 128-byte header, then n x D float64

        r = CliRun.of(common("evaluate", "--model", model.toString(), "--steps", "20", "--n", "40", "--error-samples", "4", "--json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"epsScore2\"") && r.out().contains("\"slicedWasserstein\""), r.out());
    }

    @Test
    void badInputsAreOneLineUsageErrors() throws Exception {
        Path model = dir.resolve("m");
        CliRun r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--n-train", "5", "--steps", "3", "--out", model.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("training needs at least 10"), r.err());
        r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--param", "v", "--out", model.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown parameterisation 'v'"), r.err());
        r = CliRun.of(common("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--device", "tpu", "--out", model.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown device 'tpu'"), r.err());
        Files.createDirectories(model);
        Files.writeString(model.resolve("checkpoint.dfnn"), "garbage");
        r = CliRun.of(common("sample", "--model", model.toString(), "--n", "5", "--out", dir.resolve("x.npy").toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a Diffold checkpoint") && r.errLines().length == 1, r.err());
    }

    @Test
    void reproduceLearnedScoresAtToySize() {
        CliRun r = CliRun.of(common("reproduce", "learned-scores", "--quick", "--dims", "10", "--train-steps", "20"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report "), r.out());
    }
}
