package org.diffold.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.diffold.core.data.NpyReader;
import org.diffold.lab.store.Cell;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.RunStore;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real CLI ({@code java -cp <test classpath> org.diffold.cli.Main}) with SIGKILL at a random point of a
 * sweep ({@code reproduce li-yan --quick}), a training run and a sample write, then runs the same command again and
 * checks: nothing lost (every cell, every training step, every sample row is there), nothing duplicated (each cell
 * once; the rerun computes only what was missing), the killed run's output is absent or complete (never a prefix),
 * and no temporary file or staging folder is left after the rerun. Trials per kind: system property
 * {@code diffold.kill9.trials} (default 1, so CI spends seconds); the kill times are random, the seed is printed.
 */
class KillNineTest {
    static final int TRIALS = Integer.getInteger("diffold.kill9.trials", 1);
    static final long SEED = Long.getLong("diffold.kill9.seed", System.nanoTime());
    final Random random = new Random(SEED);
    @TempDir Path dir;

    /** The command line of a fresh JVM running the CLI with this test's classpath and DJL settings. */
    static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-DDJL") || a.startsWith("-Djna") || a.startsWith("-Dai.djl") || a.startsWith("--enable-native-access")
                    || a.startsWith("-Dorg.slf4j")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.diffold.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    Process start(Path log, String... args) throws IOException {
        return new ProcessBuilder(java(args)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Runs to the end; returns stdout+stderr, failing on a non-zero exit. */
    String runToEnd(String... args) throws Exception {
        Path log = Files.createTempFile(dir.getParent(), "kill9-", ".log");
        Process p = start(log, args);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "rerun did not finish: " + String.join(" ", args));
        String out = Files.readString(log);
        Files.delete(log);
        assertEquals(0, p.exitValue(), String.join(" ", args) + " -> " + out);
        return out;
    }

    /** Starts the command, waits until {@code started} holds (or it ends), sleeps a random time, then SIGKILLs it. */
    boolean killAtRandom(BooleanSupplier started, long maxDelayMs, String... args) throws Exception {
        Path log = Files.createTempFile(dir.getParent(), "kill9-", ".log");
        Process p = start(log, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && !started.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep((long) (random.nextDouble() * maxDelayMs));
        boolean killed = p.isAlive();
        p.destroyForcibly(); // SIGKILL on POSIX
        p.waitFor(30, TimeUnit.SECONDS);
        Files.delete(log);
        return killed;
    }

    /** Temporary files and staging folders anywhere under the folder. */
    List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.matches("\\..*\\.(tmp|old)-.*") || n.startsWith(".diffold-write-check-") || n.endsWith(".tmp");
            }).toList();
        }
    }

    @Test
    void killedSweepResumesWithEveryCellOnce() throws Exception {
        for (int t = 0; t < TRIALS; t++) {
            Path db = dir.resolve("runs/diffold-" + t + ".db");
            String[] args = {"reproduce", "li-yan", "--quick", "--json", "--threads", "1", "--db", db.toString(), "--runs-dir", dir.resolve("runs").toString()};
            int before = cells(db).size();
            boolean killed = killAtRandom(() -> storedCells(db) > 0, 1500, args);
            List<Cell> stored = cells(db);
            assertTrue(stored.size() >= before, "cells lost by the kill");
            Map<String, Object> m = Json.readMap(jsonDocument(runToEnd(args)));
            int total = ((Number) m.get("cells")).intValue(), computed = ((Number) m.get("computed")).intValue();
            List<Cell> after = cells(db);
            Set<String> keys = new HashSet<>();
            for (Cell c : after) assertTrue(keys.add(c.key()), "duplicate cell " + c.key());
            assertEquals(total, after.size(), "every cell stored once");
            assertEquals(total - stored.size(), computed, "the rerun computes exactly the cells the killed run had not stored");
            for (Cell c : stored) assertEquals(c.results(), find(after, c.key()).results(), "stored cell changed: " + c.key());
            assertEquals(List.of(), leftovers(), "seed " + SEED + ", killed=" + killed);
            System.out.printf("kill -9 sweep trial %d (seed %d): killed=%s, %d of %d cells stored before the kill, rerun computed %d%n",
                    t, SEED, killed, stored.size(), total, computed);
        }
    }

    @Test
    void killedTrainingResumesToTheLastStep() throws Exception {
        for (int t = 0; t < TRIALS; t++) {
            Path model = dir.resolve("model-" + t), ckpt = model.resolve("checkpoint.dfnn");
            List<String> base = List.of("train", "--data", "gmm-subspace:k=2", "--dim", "4", "--n-train", "256", "--steps", "120",
                    "--width", "16", "--depth", "1", "--batch", "32", "--eval-every", "0", "--checkpoint-every", "10",
                    "--out", model.toString(), "--db", dir.resolve("runs/diffold.db").toString(), "--runs-dir", dir.resolve("runs").toString());
            boolean killed = killAtRandom(() -> Files.exists(ckpt), 800, base.toArray(String[]::new));
            int stepAtKill = -1;
            if (Files.exists(ckpt)) stepAtKill = Integer.parseInt(CheckpointFormat.read(ckpt).meta().get(Checkpoint.STEP)); // complete, never torn
            List<String> again = new ArrayList<>(base);
            if (Files.exists(ckpt)) again.add("--resume");
            runToEnd(again.toArray(String[]::new));
            Checkpoint c = CheckpointFormat.read(ckpt);
            assertEquals("120", c.meta().get(Checkpoint.STEP), "training reaches --steps");
            assertEquals(List.of(), leftovers(), "seed " + SEED);
            System.out.printf("kill -9 train trial %d (seed %d): killed=%s, checkpoint at step %d, resumed to 120%n", t, SEED, killed, stepAtKill);
        }
    }

    @Test
    void killedSampleWriteLeavesNoPrefixAndNoTempFile() throws Exception {
        for (int t = 0; t < TRIALS; t++) {
            Path out = dir.resolve("s-" + t + ".npy");
            String[] args = {"sample", "--n", "60000", "--dim", "64", "--k", "4", "--steps", "20", "--threads", "1", "--out", out.toString()};
            boolean killed = killAtRandom(() -> tempOf(out), 60, args);
            byte[] atKill = Files.exists(out) ? Files.readAllBytes(out) : null;
            if (atKill != null) assertEquals(60000, NpyReader.read(out).rows(), "a complete file or none");
            boolean tempLeft = !leftovers().isEmpty();
            runToEnd(args);
            assertEquals(60000, NpyReader.read(out).rows());
            if (atKill != null) assertArrayEquals(atKill, Files.readAllBytes(out), "same seed, same bits");
            assertEquals(List.of(), leftovers(), "seed " + SEED);
            System.out.printf("kill -9 sample trial %d (seed %d): killed=%s, output at kill %s, temp file left by the kill %s, removed by the rerun%n",
                    t, SEED, killed, atKill == null ? "absent" : "complete", tempLeft);
        }
    }

    private boolean tempOf(Path out) {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".tmp-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Cell> cells(Path db) {
        if (!Files.exists(db)) return List.of();
        try (RunStore s = RunStore.open(db)) {
            return s.cells("li-yan");
        }
    }

    /** Cells stored so far, read while the sweep may be writing (0 before the store exists). */
    private static int storedCells(Path db) {
        try {
            return cells(db).size();
        } catch (RuntimeException e) {
            return 0; // the store is being created
        }
    }

    private static Cell find(List<Cell> cells, String key) {
        return cells.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("cell lost: " + key));
    }

    /** The --json document in a command's stdout (it may span several lines). */
    private static String jsonDocument(String out) {
        int start = out.indexOf('{');
        if (start < 0) throw new AssertionError("no JSON document in: " + out);
        return out.substring(start);
    }
}
