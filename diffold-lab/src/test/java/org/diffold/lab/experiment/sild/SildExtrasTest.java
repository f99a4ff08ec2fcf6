package org.diffold.lab.experiment.sild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.runtime.NnRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic-manifold, learned-collapse and Stacked Fashion-MNIST cells of {@code reproduce sild} (docs/math.md §7.2-§7.4). */
class SildExtrasTest {
    @TempDir Path dir;

    static Device cpu() {
        NnRuntime.engine(1);
        return Device.cpu();
    }

    private static SyntheticCells.Settings tiny() {
        return new SyntheticCells.Settings(List.of("circle"), 16, 300, 100, 100, 4, 32, 150, 150, 32, 0.01, 0.2, 20, 7);
    }

    private static Map<String, Object> withoutTime(Map<String, Object> r) {
        Map<String, Object> m = new LinkedHashMap<>(r);
        m.remove("seconds");
        return m;
    }

    /** Same seed, same bits: a synthetic cell trained twice from scratch in two folders gives identical results. */
    @Test
    void syntheticCellIsDeterministic() throws Exception {
        Device cpu = cpu();
        SyntheticCells.Settings s = tiny();
        Map<String, Object> a = SyntheticCells.compute(s, "circle", "sild", dir.resolve("a"), cpu, 1);
        Map<String, Object> b = SyntheticCells.compute(s, "circle", "sild", dir.resolve("b"), cpu, 2);
        assertEquals(withoutTime(a), withoutTime(b));
        for (String k : List.of("manifold_distance", "sw", "mmd", "id_latent", "id_samples", "recon_mse")) {
            assertTrue(Double.isFinite(((Number) a.get(k)).doubleValue()), k + " = " + a.get(k));
        }
        assertTrue(((Number) a.get("stage1_rank")).intValue() <= s.latentDim(), "the bottleneck bounds the stage-1 rank: " + a.get("stage1_rank"));
    }

    /**
     * The "data" row is the floor: fresh points of the circle lie on it (distance 0 up to rounding), their TwoNN
     * dimension is within 0.3 of k = 1, and their SW and MMD to held-out points are at sampling-noise level.
     */
    @Test
    void dataRowIsTheFloor() throws Exception {
        SyntheticCells.Settings s = new SyntheticCells.Settings(List.of("circle"), 16, 300, 400, 400, 4, 32, 150, 150, 32, 0.01, 0.2, 20, 7);
        Map<String, Object> r = SyntheticCells.compute(s, "circle", "data", dir.resolve("d"), cpu(), 2);
        assertEquals(0, ((Number) r.get("manifold_distance")).doubleValue(), 1e-12);
        assertEquals(1, ((Number) r.get("id_samples")).doubleValue(), 0.3);
        assertTrue(((Number) r.get("sw")).doubleValue() < 0.1, "SW " + r.get("sw"));
        assertTrue(Math.abs(((Number) r.get("mmd")).doubleValue()) < 0.01, "MMD^2 " + r.get("mmd"));
    }

    /**
     * A short DSM run (500 steps) on the circle in R^16: at sigma = 0.1 the learned denoiser x + sigma^2 s_theta(x)
     * keeps the tangent direction (s1 in [0.8, 1.2]), drops at least 3 of the 15 normal directions below tau (rank
     * <= 13) and moves the probes to at most half their offset from M; at sigma = 1e-3 it is near the identity
     * (rank D), the limit docs/math.md §7.3 explains.
     */
    @Test
    void learnedCollapseOnAShortCircleRun() throws Exception {
        SildConfig cfg = SildConfig.quick(20240501);
        Map<String, Object> r = LearnedCollapseCells.compute(cfg, new LearnedCollapseCells.Settings(2000, 64, 500), "circle", cpu());
        List<?> sg = (List<?>) r.get("sigma"), rank = (List<?>) r.get("rank"), dist = (List<?>) r.get("distance"), sv1 = (List<?>) r.get("sv1");
        int at = -1;
        for (int i = 0; i < sg.size(); i++) if (Math.abs(((Number) sg.get(i)).doubleValue() - 0.1) < 1e-9) at = i;
        assertTrue(at >= 0, "sigma grid " + sg);
        assertEquals("learned", r.get("source"));
        double s1 = ((Number) sv1.get(at)).doubleValue();
        assertTrue(s1 > 0.8 && s1 < 1.2, "s1 at sigma 0.1: " + s1);
        assertTrue(((Number) rank.get(at)).intValue() <= 13, "rank at sigma 0.1: " + rank);
        assertTrue(((Number) dist.get(at)).doubleValue() < 0.5 * ((Number) dist.get(0)).doubleValue(), "distance to pi: " + dist);
        assertEquals(16, ((Number) rank.get(0)).intValue(), "rank at sigma 1e-3: " + rank);
    }

    /** Stacking puts image idx[c] in channel c, and channel() takes it back out. */
    @Test
    void stackAndChannelAreInverse() {
        int pixels = 5, m = 7;
        double[] images = new double[m * pixels];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < pixels; p++) images[i * pixels + p] = 100 * i + p;
        }
        int n = 50;
        int[] modes = new int[n];
        double[] rows = StackedCells.stack(images, labels, pixels, n, new RandomStreams(3), modes);
        for (int c = 0; c < 3; c++) {
            double[] ch = StackedCells.channel(rows, n, pixels, 3, c);
            for (int i = 0; i < n; i++) {
                int img = (int) (ch[i * pixels] / 100);
                for (int p = 0; p < pixels; p++) assertEquals(100 * img + p, ch[i * pixels + p]);
                int digit = c == 0 ? modes[i] / 100 : c == 1 ? modes[i] / 10 % 10 : modes[i] % 10;
                assertEquals(labels[img], digit, "mode " + modes[i] + " channel " + c);
            }
        }
        int[] again = new int[n];
        assertArrayEquals(rows, StackedCells.stack(images, labels, pixels, n, new RandomStreams(3), again));
    }

    /** Mode counting on constructed inputs: a classifier that reads the class from the first pixel. */
    @Test
    void stackedModeCounting() {
        int pixels = 4;
        StackedCells.Classify firstPixel = (rows, n) -> {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) rows[i * pixels];
            return out;
        };
        // all 1000 modes once: covered 1000, KL 0
        double[] all = new double[1000 * pixels * 3];
        for (int i = 0; i < 1000; i++) for (int c = 0; c < 3; c++) all[(i * pixels) * 3 + c] = c == 0 ? i / 100 : c == 1 ? i / 10 % 10 : i % 10;
        int[] modes = StackedCells.modes(all, 1000, pixels, firstPixel);
        for (int i = 0; i < 1000; i++) assertEquals(i, modes[i]);
        Map<String, Object> u = StackedCells.modeMetrics(all, 1000, pixels, firstPixel);
        assertEquals(1000, u.get("modes_covered"));
        assertEquals(0, (double) u.get("mode_kl"), 1e-12);
        // 40 rows of mode 123, 40 of mode 7: covered 2, KL = log(1000 / 2)
        List<Double> two = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int[] cls = i < 40 ? new int[] {1, 2, 3} : new int[] {0, 0, 7};
            for (int p = 0; p < pixels; p++) for (int c = 0; c < 3; c++) two.add(p == 0 ? (double) cls[c] : 0.5);
        }
        double[] rows = two.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Object> t = StackedCells.modeMetrics(rows, 80, pixels, firstPixel);
        assertEquals(2, t.get("modes_covered"));
        assertEquals(Math.log(500), (double) t.get("mode_kl"), 1e-12);
    }

    /** The --json parts: exact rows keep their keys and gain "source", learned rows are appended, synthetic rows have the keys. */
    @Test
    void jsonParts() {
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("section", LearnedCollapseCells.SECTION);
        learned.put("manifold", "circle");
        learned.put("k", 1);
        learned.put("denoiser", "dsm-mlp");
        learned.put("sigma", List.of(0.001, 0.1));
        learned.put("rank", List.of(16, 3));
        Map<String, Object> syn = new LinkedHashMap<>();
        syn.put("section", SyntheticCells.SECTION);
        for (String k : SildExtras.SYNTHETIC_KEYS) syn.put(k, 0.5);
        syn.put("sw", Double.NaN);
        List<Map<String, Object>> results = List.of(Map.of("name", "x"), learned, syn);
        List<Map<String, Object>> rows = SildExtras.learnedCollapseJson(results);
        assertEquals(2, rows.size());
        assertEquals(List.of("manifold", "k", "sigma", "rank", "source", "denoiser"), new ArrayList<>(rows.get(1).keySet()));
        assertEquals("learned", rows.get(1).get("source"));
        assertEquals(3, rows.get(1).get("rank"));
        List<Map<String, Object>> s = SildExtras.json(results, SyntheticCells.SECTION, SildExtras.SYNTHETIC_KEYS);
        assertEquals(1, s.size());
        assertEquals(SildExtras.SYNTHETIC_KEYS, new ArrayList<>(s.get(0).keySet()));
        assertEquals(null, s.get(0).get("sw"), "non-finite numbers become null");
    }
}
