package org.diffold.lab.experiment.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's summary and findings are computed from the cells: checked on a hand-made result. */
class IdBenchmarkTest {
    @Test
    void findingsRankEstimatorsOverallAndPerDimensionBand() {
        // "a" is exact at low d and 50% low at high d; "b" is 5% high everywhere
        List<IdBenchmark.Row> rows = new ArrayList<>();
        rows.add(new IdBenchmark.Row("low", 2, 3, "a", 2.0, 0));
        rows.add(new IdBenchmark.Row("low", 2, 3, "b", 2.1, 0));
        rows.add(new IdBenchmark.Row("high", 20, 20, "a", 10.0, 0));
        rows.add(new IdBenchmark.Row("high", 20, 20, "b", 21.0, 0));
        IdBenchmark.Result r = new IdBenchmark.Result(100, 1, List.of("low", "high"), List.of("a", "b"), rows, 0);
        assertEquals(0.25, r.meanRelativeError("a", 0, Integer.MAX_VALUE), 1e-15);
        assertEquals(0.05, r.meanRelativeError("b", 0, Integer.MAX_VALUE), 1e-15);
        assertEquals(0.0, r.meanRelativeError("a", 0, 3), 0);
        assertTrue(Double.isNaN(r.meanRelativeError("a", 4, 12)));
        assertEquals(List.of(List.of("a", "25.00", "1/2"), List.of("b", "5.000", "2/2")), r.summaryRows());
        String f = r.findings();
        assertTrue(f.startsWith("Mean relative error |d_hat - d| / d over the 2 manifolds at n = 100: b 5.00% (2 within 10%), a 25.0%"), f);
        assertTrue(f.contains("d <= 3 (1 manifolds) a 0.00%, then b 5.00%"), f);
        assertTrue(f.contains("d >= 13 (1 manifolds) b 5.00%, then a 50.0%"), f);
        assertTrue(!f.contains("4 <= d <= 12"), "empty band left out: " + f);
    }
}
