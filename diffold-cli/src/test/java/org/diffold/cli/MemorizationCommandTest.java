package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.data.NpyWriter;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diffold memorization} and {@code diffold sample --score}: results, report, and the bad-input cases of issue 9. */
class MemorizationCommandTest {
    @TempDir Path dir;

    private Path npy(String name, double[] x, int n, int d) throws IOException {
        Path p = dir.resolve(name);
        NpyWriter.write(p, x, n, d);
        return p;
    }

    private static double[] gaussian(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    private static void assertUsageError(CliRun r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("diffold: error: ") && r.err().contains(fragment), r.err());
        assertEquals("", r.out());
    }

    @Test
    void copiesOfTrainingRowsAreMemorizedAndImagesGetAReport() throws IOException {
        int n = 30, d = 784;
        double[] train = gaussian(n, d, 1), samples = new double[10 * d];
        System.arraycopy(train, 0, samples, 0, 5 * d); // five exact copies, five fresh rows
        System.arraycopy(gaussian(5, d, 2), 0, samples, 5 * d, 5 * d);
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("memorization", "--samples", npy("s.npy", samples, 10, d).toString(), "--train",
                npy("t.npy", train, n, d).toString(), "--json", "--runs-dir", runs.toString(), "--db", runs.resolve("db.sqlite").toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        assertEquals(0.5, ((Number) m.get("memorized_fraction")).doubleValue(), 0);
        assertEquals(10, m.get("n_samples"));
        assertEquals(30, m.get("n_train"));
        assertTrue(m.containsKey("nn_distance_median"));
        Path report = Path.of((String) m.get("report"));
        assertTrue(Files.exists(report) && Files.exists(report.resolveSibling("nearest-pairs.png")), report.toString());
    }

    @Test
    void badInputs() throws IOException {
        Path t2 = npy("t2.npy", gaussian(5, 2, 3), 5, 2), t3 = npy("t3.npy", gaussian(5, 3, 3), 5, 3);
        Path one = npy("one.npy", gaussian(1, 2, 4), 1, 2), s2 = npy("s2.npy", gaussian(4, 2, 5), 4, 2);
        double[] nan = gaussian(4, 2, 6);
        nan[5] = Double.NaN;
        Path sNan = npy("nan.npy", nan, 4, 2);
        assertUsageError(CliRun.of("memorization", "--samples", s2.toString(), "--train", one.toString()), "--train must have at least 2 rows, got 1");
        assertUsageError(CliRun.of("memorization", "--samples", s2.toString(), "--train", t3.toString()), "--samples rows have width 2 but --train rows have width 3");
        assertUsageError(CliRun.of("memorization", "--samples", sNan.toString(), "--train", t2.toString()), "--samples: row 2 has a non-finite value (NaN)");
        assertUsageError(CliRun.of("sample", "--score", "kde:data=" + t2 + ",h=0", "--n", "2", "--out", dir.resolve("o.npy").toString()), "h must be > 0, got 0");
        assertUsageError(CliRun.of("sample", "--score", "kde:data=" + t2 + ",h=-1", "--n", "2", "--out", dir.resolve("o.npy").toString()), "h must be > 0, got -1");
        assertUsageError(CliRun.of("sample", "--score", "coarse:data=" + t2 + ",k=1,neighbours=9", "--n", "2", "--out", dir.resolve("o.npy").toString()),
                "neighbours must be an integer in [k+1 = 2, N = 5], got 9");
        assertUsageError(CliRun.of("sample", "--score", "empirical:data=" + one, "--n", "2", "--out", dir.resolve("o.npy").toString()), "needs at least 2 rows, got 1");
        assertFalse(Files.exists(dir.resolve("o.npy")));
    }

    @Test
    void sampleWithEachClosedFormFamily() throws IOException {
        Path t = npy("t.npy", gaussian(40, 3, 7), 40, 3);
        for (String spec : new String[] {"empirical:data=" + t, "kde:data=" + t + ",h=0.1", "cfdm:data=" + t + ",smoothing=0.2,draws=2",
                                         "coarse:data=" + t + ",k=2,neighbours=8", "coarse:data=" + t + ",proj=lqf,k=2,m=12,iterations=4"}) {
            Path out = dir.resolve("s.npy");
            CliRun r = CliRun.of("sample", "--score", spec, "--n", "8", "--steps", "20", "--out", out.toString(), "--json");
            assertEquals(0, r.code(), spec + ": " + r.err());
            assertEquals(3, Json.readMap(r.out()).get("dim"));
        }
    }
}
