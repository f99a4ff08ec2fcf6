package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.data.NpyWriter;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdCommandTest {
    @TempDir Path dir;

    /** n points of a unit circle in R^3 (d = 1), as CSV. */
    private Path circleCsv(int n) throws IOException {
        StringBuilder sb = new StringBuilder("x,y,z\n");
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * r.nextDouble();
            sb.append(Math.cos(t)).append(',').append(Math.sin(t)).append(",0\n");
        }
        return Files.writeString(dir.resolve("circle.csv"), sb);
    }

    /** Exit 2, exactly one line on stderr containing {@code fragment}, nothing on stdout. */
    private static void assertUsageError(CliRun r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("diffold: error: ") && r.err().contains(fragment), r.err());
        assertEquals("", r.out());
    }

    @Test
    void estimatesACircleFromCsvAsJson() throws IOException {
        CliRun r = CliRun.of("id", "--data", circleCsv(2000).toString(), "--estimators", "mle,twonn,lpca", "--json", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        assertEquals(2000, m.get("n"));
        assertEquals(3, m.get("D"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> es = (List<Map<String, Object>>) m.get("estimates");
        assertEquals(3, es.size());
        for (Map<String, Object> e : es) {
            double d = ((Number) e.get("global")).doubleValue();
            assertEquals(1, d, 0.15, e.get("estimator") + " on a circle"); // d = 1; lpca needs its k = 100 neighbours to span a short arc, hence n = 2000
        }
    }

    @Test
    void readsNpyWithSubsetAndScalingAsText() throws IOException {
        SplittableRandom r = new SplittableRandom(2);
        double[] x = new double[300 * 4];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        Path p = NpyWriter.write(dir.resolve("g.npy"), x, 300, 4);
        CliRun run = CliRun.of("id", "--data", p.toString(), "--subset", "200", "--scale", "symmetric", "--estimators", "twonn");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("n=200, D=4, scaling symmetric"), run.out());
        assertTrue(run.out().contains("twonn"), run.out());
        Path pw = dir.resolve("pw.npy");
        CliRun withPointwise = CliRun.of("id", "--data", p.toString(), "--estimators", "twonn,mle,mom", "--pointwise-out", pw.toString());
        assertEquals(0, withPointwise.code(), withPointwise.err());
        org.diffold.core.data.DataMatrix m = org.diffold.core.data.NpyReader.read(pw);
        assertEquals(300, m.rows());
        assertEquals(2, m.cols()); // mle and mom have pointwise values, twonn has none
        assertUsageError(CliRun.of("id", "--data", p.toString(), "--estimators", "twonn", "--pointwise-out", dir.resolve("x.npy").toString()),
                "has pointwise values");
        assertTrue(!Files.exists(dir.resolve("x.npy")), "no partial output");
    }

    @Test
    void badInputsAreOneLineErrorsWithNoOutput() throws IOException {
        assertUsageError(CliRun.of("id"), "exactly one of --data, --manifold or --benchmark");
        Path csv = circleCsv(50);
        assertUsageError(CliRun.of("id", "--data", csv.toString(), "--benchmark"), "exactly one of");
        assertUsageError(CliRun.of("id", "--data", csv.toString(), "--estimators", "mle,foo"), "unknown estimator 'foo'");
        assertUsageError(CliRun.of("id", "--data", csv.toString(), "--subset", "10", "--estimators", "mle"), "needs at least 21 points");
        assertUsageError(CliRun.of("id", "--data", csv.toString(), "--subset", "51"), "exceeds the 50 rows");
        Path nan = Files.writeString(dir.resolve("nan.csv"), Files.readString(csv).replaceFirst("\n[^,]+,", "\nNaN,"));
        assertUsageError(CliRun.of("id", "--data", nan.toString()), "non-finite value");
        Path dup = Files.writeString(dir.resolve("dup.csv"), "1,2\n3,4\n1,2\n5,7\n");
        assertUsageError(CliRun.of("id", "--data", dup.toString(), "--estimators", "twonn"), "duplicate points");
        byte[] npy = Files.readAllBytes(NpyWriter.write(dir.resolve("t.npy"), new double[40], 10, 4));
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(npy, npy.length - 5));
        assertUsageError(CliRun.of("id", "--data", cut.toString()), "truncated .npy file");
        ByteBuffer idx = ByteBuffer.allocate(16).putInt(0x0803ABCD).putInt(1).putInt(2).putInt(2);
        Path magic = Files.write(dir.resolve("bad-idx3-ubyte"), idx.array());
        assertUsageError(CliRun.of("id", "--data", magic.toString()), "wrong magic number");
        assertUsageError(CliRun.of("id", "--data", "fashion-mnist", "--data-dir", dir.resolve("none").toString()), "dataset-fashion-mnist");
        assertUsageError(CliRun.of("id", "--data", dir.resolve("missing.npy").toString()), "missing.npy: file not found");
        assertUsageError(CliRun.of("id", "--benchmark", "--manifolds", "M1_Sphere,M99"), "unknown benchmark manifold 'M99'");
    }

    @Test
    void estimatesASampledManifoldInAHigherSpace() {
        CliRun r = CliRun.of("id", "--manifold", "torus:weights1=1/3", "--n", "1500", "--dim", "20", "--estimators", "twonn,danco", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        assertEquals(20, m.get("D"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> es = (List<Map<String, Object>>) m.get("estimates");
        for (Map<String, Object> e : es) assertEquals(2, ((Number) e.get("global")).doubleValue(), 0.3, e.get("estimator") + " on the flat torus");
        assertUsageError(CliRun.of("id", "--manifold", "torus", "--dim", "3"), "cannot be placed in R^3");
        assertUsageError(CliRun.of("id", "--data", "x.csv", "--dim", "3"), "--dim applies to --manifold only");
    }

    @Test
    void benchmarkPrintsTheTableAndWritesTheReport() {
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("id", "--benchmark", "--n", "300", "--manifolds", "M7_Roll,M13a_Scurve", "--estimators", "mle,twonn,mind-ml,mada,knn,fishers",
                "--runs-dir", runs.toString(), "--db", runs.resolve("test.db").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("M7_Roll") && r.out().contains("M13a_Scurve") && r.out().contains("within 10%"), r.out());
        String report = r.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow().substring(8);
        assertTrue(Files.exists(Path.of(report)), report);
        assertTrue(Files.exists(Path.of(report).resolveSibling("estimates.csv")));
        // the findings paragraph leads the report and names the most accurate estimator of the one band present
        assertTrue(r.out().contains("findings: Mean relative error") && r.out().contains("d <= 3 (2 manifolds)"), r.out());
        String html = assertDoesNotThrow(() -> Files.readString(Path.of(report)));
        assertTrue(html.indexOf("Findings") > 0 && html.indexOf("Findings") < html.indexOf("Estimates"), "findings first");
    }
}
