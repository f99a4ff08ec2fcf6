package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.diffold.core.data.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --latent on an image file, sample --out grid.png, encode, decode, and the bad inputs of issue 8. */
class LatentCommandsTest {
    @TempDir Path dir;

    private String[] common(String... args) {
        return CliRun.inStore(dir, args);
    }

    /** n random 8x8 grey "images" (smooth blobs) as an .npy file. */
    private Path images(String name, int n, boolean nan) throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n * 64];
        for (int i = 0; i < n; i++) {
            double cx = 2 + 4 * rng.nextDouble(), cy = 2 + 4 * rng.nextDouble();
            for (int p = 0; p < 64; p++) x[i * 64 + p] = 255 * Math.exp(-((p / 8 - cy) * (p / 8 - cy) + (p % 8 - cx) * (p % 8 - cx)) / 4);
        }
        if (nan) x[5 * 64 + 7] = Double.NaN;
        Path f = dir.resolve(name);
        NpyWriter.write(f, x, n, 64);
        return f;
    }

    private String[] train(Path data, Path out, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--latent", "sild", "--latent-dim", "4", "--ae-width", "4", "--ae-groups", "2",
                "--stage1-steps", "6", "--stage1-batch", "8", "--steps", "10", "--batch", "16", "--width", "16", "--depth", "2",
                "--eval-every", "0", "--checkpoint-every", "5", "--out", out.toString()};
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(base));
        for (int i = 0; i < extra.length; i++) {
            int at = all.indexOf(extra[i]);
            boolean valued = i + 1 < extra.length && !extra[i + 1].startsWith("--");
            if (at >= 0 && valued) all.set(at + 1, extra[++i]);
            else {
                all.add(extra[i]);
                if (valued) all.add(extra[++i]);
            }
        }
        return common(all.toArray(String[]::new));
    }

    @Test
    void trainSampleEncodeDecodeAnImageFile() throws Exception {
        Path data = images("img.npy", 60, false), model = dir.resolve("sild");
        CliRun r = CliRun.of(train(data, model, "--json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"latent\":\"sild\"") && r.out().contains("\"recon_mse\":"), r.out());
        assertTrue(Files.exists(model.resolve("autoencoder.dfnn")) && Files.exists(model.resolve("checkpoint.dfnn")));

        Path grid = dir.resolve("grid.png");
        r = CliRun.of(common("sample", "--model", model.toString(), "--steps", "10", "--n", "12", "--out", grid.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(grid) > 0);
        assertEquals(128 + 12 * 64 * 8, Files.size(dir.resolve("grid.npy")));

        Path z = dir.resolve("z.npy"), back = dir.resolve("back.png");
        r = CliRun.of(common("encode", "--model", model.toString(), "--data", data.toString(), "--n", "10", "--out", z.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(128 + 10 * 4 * 8, Files.size(z));
        r = CliRun.of(common("decode", "--model", model.toString(), "--latents", z.toString(), "--out", back.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(back));
    }

    /** The pixel U-Net: train --arch unet on an image file, resume it, then sample --out grid.png from it. */
    @Test
    void trainResumeAndSampleAPixelUnet() throws Exception {
        Path data = images("img.npy", 60, false), model = dir.resolve("unet");
        String[] base = {"train", "--data", data.toString(), "--arch", "unet:channels=4/8,groups=2", "--param", "edm", "--batch", "8",
                "--eval-every", "0", "--checkpoint-every", "3", "--out", model.toString()};
        java.util.List<String> first = new java.util.ArrayList<>(java.util.List.of(base));
        first.addAll(java.util.List.of("--steps", "3"));
        CliRun r = CliRun.of(common(first.toArray(String[]::new)));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        java.util.List<String> more = new java.util.ArrayList<>(java.util.List.of(base));
        more.addAll(java.util.List.of("--steps", "6", "--resume"));
        r = CliRun.of(common(more.toArray(String[]::new)));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained 6 steps"), r.out());
        Path grid = dir.resolve("unet-grid.png");
        r = CliRun.of(common("sample", "--model", model.toString(), "--steps", "10", "--n", "9", "--out", grid.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(grid) > 0);
        assertEquals(128 + 9 * 64 * 8, Files.size(dir.resolve("unet-grid.npy")));
    }

    private void usageError(CliRun r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    @Test
    void badInputsAreOneLineErrorsWithNothingWritten() throws Exception {
        Path data = images("img.npy", 40, false);
        Path m = dir.resolve("m");
        usageError(CliRun.of(train(data, m, "--image-shape", "4x16x1")), "does not fit the convolutional network");
        usageError(CliRun.of(train(data, m, "--latent-dim", "0")), "--latent-dim must be in [1, D = 64], got 0");
        usageError(CliRun.of(train(data, m, "--latent-dim", "65")), "--latent-dim must be in [1, D = 64], got 65");
        usageError(CliRun.of(train(data, m, "--latent", "vae:kl=-1")), "the KL weight must be >= 0, got -1.0");
        usageError(CliRun.of(train(images("nan.npy", 40, true), m)), "row 5, column 7 is NaN");
        assertFalse(Files.exists(m.resolve("autoencoder.dfnn")) || Files.exists(m.resolve("checkpoint.dfnn")));

        Path model = dir.resolve("ok");
        assertEquals(0, CliRun.of(train(data, model)).code());
        Path half = dir.resolve("half");
        Files.createDirectories(half);
        Files.copy(model.resolve("autoencoder.dfnn"), half.resolve("autoencoder.dfnn"));
        Path out = dir.resolve("h.png");
        usageError(CliRun.of(common("sample", "--model", half.toString(), "--n", "4", "--out", out.toString())), "no stage-2 latent score");
        Path noDecoder = dir.resolve("nodec");
        Files.createDirectories(noDecoder);
        Files.copy(model.resolve("checkpoint.dfnn"), noDecoder.resolve("checkpoint.dfnn"));
        usageError(CliRun.of(common("sample", "--model", noDecoder.toString(), "--n", "4", "--out", out.toString())), "has no decoder");
        assertFalse(Files.exists(out) || Files.exists(dir.resolve("h.npy")));
    }
}
