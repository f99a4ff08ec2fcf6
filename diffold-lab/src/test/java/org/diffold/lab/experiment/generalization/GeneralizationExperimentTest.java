package org.diffold.lab.experiment.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small generalization sweep: memorization of the empirical score, fidelity of the coarse one, resumability, threads. */
class GeneralizationExperimentTest {
    @TempDir Path dir;

    private static GeneralizationConfig small() {
        return new GeneralizationConfig(List.of("circle"), List.of(8), List.of(32, 128), List.of("true", "empirical", "coarse", "coarse-lqf"), 64, 24,
                1e-6, 512, 64, 8, 2, List.of(), 8, List.of(), 10, 2, 16, List.of(), 4, 3, true);
    }

    private static Map<String, Object> cell(List<Map<String, Object>> cells, String score, int n) {
        for (Map<String, Object> c : cells) if (c.get("score").equals(score) && ((Number) c.get("N")).intValue() == n) return c;
        throw new AssertionError("no cell " + score + " N=" + n);
    }

    private static double num(Map<String, Object> c, String k) { return ((Number) c.get(k)).doubleValue(); }

    @Test
    void empiricalMemorizesCoarseDoesNotAndCellsResume() {
        GeneralizationExperiment e = new GeneralizationExperiment(small(), 2);
        Path missing = dir.resolve("no-fashion-mnist");
        try (RunStore store = RunStore.open(dir.resolve("db.sqlite"))) {
            Provenance p = new Provenance("abc", "dev", "21", "test", "linux", "amd64", 3, 2, "2024-05-01T00:00:00Z", List.of("diffold", "test"));
            GeneralizationResult r = GeneralizationRun.run(e, missing, store, p, (i, n, key) -> { });
            assertEquals(8, r.cells().size());
            Map<String, Object> emp = cell(r.cells(), "empirical", 32), coarse = cell(r.cells(), "coarse", 128), fresh = cell(r.cells(), "true", 128);
            // samples landing between two nearly coincident training points fail the ratio rule, hence not 1
            assertTrue(num(emp, "memorized_fraction") > 0.7, "empirical memorized " + emp.get("memorized_fraction"));
            assertTrue(num(emp, "nn_distance_median") < 1e-6, "empirical samples are copies: " + emp.get("nn_distance_median"));
            assertTrue(num(emp, "manifold_distance") < 1e-6, "empirical samples are training points: " + emp.get("manifold_distance"));
            assertTrue(num(coarse, "memorized_fraction") < 0.5, "coarse memorized " + coarse.get("memorized_fraction"));
            assertTrue(num(coarse, "manifold_distance") < 0.05, "coarse fidelity " + coarse.get("manifold_distance"));
            Map<String, Object> lqf = cell(r.cells(), "coarse-lqf", 128);
            assertTrue(num(lqf, "memorized_fraction") < 0.5, "coarse-lqf memorized " + lqf.get("memorized_fraction"));
            // the final Tweedie step lands on the estimated projection: the quadratic fit's is the closer one
            assertTrue(num(lqf, "manifold_distance") < 0.2 * num(coarse, "manifold_distance"),
                    "coarse-lqf fidelity " + lqf.get("manifold_distance") + " vs local PCA " + coarse.get("manifold_distance"));
            assertTrue(num(fresh, "manifold_distance") < 1e-9);
            assertEquals(0, new Sweep<SweepCell>(store, GeneralizationConfig.EXPERIMENT, p).missing(e.cells()));
            Map<String, Object> json = r.toMap();
            assertTrue(json.containsKey("cells") && json.containsKey("fits"));
            @SuppressWarnings("unchecked")
            Map<String, Object> c0 = ((List<Map<String, Object>>) json.get("cells")).get(0);
            for (String k : List.of("manifold", "k", "D", "N", "score", "memorized_fraction", "manifold_distance", "coverage_delta")) {
                assertTrue(c0.containsKey(k), k);
            }
            assertTrue(r.fit("circle", 8, "empirical", "coverage_delta") != null);
        }
    }

    @Test
    void cellsAreBitIdenticalForAnyThreadCount() throws Exception {
        for (String family : List.of("/coarse/", "/coarse-lqf/")) {
            SweepCell c = new GeneralizationExperiment(small(), 1).cells().stream().filter(x -> x.key().contains(family)).findFirst().orElseThrow();
            Map<String, Object> a = new GeneralizationExperiment(small(), 1).compute(c), b = new GeneralizationExperiment(small(), 3).compute(c);
            a.remove("seconds");
            b.remove("seconds");
            assertEquals(a, b, family);
        }
    }
}
