package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    record Point(double epsScore2, int gridPoints) {}

    @Test
    void camelCaseKeysBecomeSnakeCaseAndSymbolsStay() {
        assertEquals("eps_score2_std_err", JsonOutput.snakeCase("epsScore2StdErr"));
        assertEquals("kl_perp_iso", JsonOutput.snakeCase("klPerpIso"));
        assertEquals("li-yan.learned.kl_perp_iso", JsonOutput.snakeCase("li-yan.learned.klPerpIso"));
        assertEquals("D", JsonOutput.snakeCase("D"));
        assertEquals("D_over_d", JsonOutput.snakeCase("D_over_d"));
        assertEquals("run_id", JsonOutput.snakeCase("run_id"));
    }

    @Test
    void nestedMapsListsAndRecordsAreConvertedAndNonFiniteBecomesNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("knnBenchmark", Map.of("scanSeconds", 1.5));
        m.put("rows", List.of(new Point(Double.NaN, 512)));
        m.put("ratio", Double.POSITIVE_INFINITY);
        Map<String, Object> out = JsonOutput.snakeKeys(m);
        assertEquals(List.of("knn_benchmark", "rows", "ratio"), List.copyOf(out.keySet()));
        assertEquals(Map.of("scan_seconds", 1.5), out.get("knn_benchmark"));
        Map<?, ?> row = (Map<?, ?>) ((List<?>) out.get("rows")).get(0);
        assertTrue(row.containsKey("eps_score2") && row.get("eps_score2") == null, row.toString());
        assertEquals(512, row.get("grid_points"));
        assertNull(out.get("ratio"));
    }
}
