package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceLiYanCommandTest {
    @TempDir Path dir;

    @Test
    void quickRunWritesReportAndSecondRunReadsEveryCellBack() throws Exception {
        String db = dir.resolve("runs.db").toString(), runs = dir.resolve("runs").toString();
        CliRun first = CliRun.of("reproduce", "li-yan", "--quick", "--json", "--db", db, "--runs-dir", runs, "--threads", "2");
        assertEquals(0, first.code(), first.err());
        Map<String, Object> m = Json.readMap(first.out());
        int cells = ((Number) m.get("cells")).intValue();
        assertEquals(cells, ((Number) m.get("computed")).intValue());
        Path report = Path.of((String) m.get("report"));
        assertTrue(Files.exists(report));
        String html = Files.readString(report);
        assertTrue(html.contains("kl-gaussian-subspace.png"), "report should embed the KL chart");
        assertTrue(Files.exists(report.resolveSibling("kl-product-subspace.svg")));
        assertTrue(Files.exists(report.resolveSibling("exact-kl.csv")));

        assertClaimHolds(m);

        CliRun second = CliRun.of("reproduce", "li-yan", "--quick", "--json", "--db", db, "--runs-dir", runs);
        assertEquals(0, second.code(), second.err());
        assertEquals(0, ((Number) Json.readMap(second.out()).get("computed")).intValue());
    }

    /** Li & Yan's claim on the exact rows: li-yan's KL is the same at D = 10 and 1000; classic's grows with D. */
    @SuppressWarnings("unchecked")
    private static void assertClaimHolds(Map<String, Object> m) {
        double liYan10 = 0, liYan1000 = 0, classic10 = 0, classic1000 = 0;
        for (Map<String, Object> row : (List<Map<String, Object>>) m.get("results")) {
            if (!"exact".equals(row.get("kind")) || !"gaussian-subspace".equals(row.get("target"))
                    || ((Number) row.get("T")).intValue() != 100) continue;
            double kl = ((Number) row.get("kl")).doubleValue();
            int d = ((Number) row.get("D")).intValue();
            switch ((String) row.get("design")) {
                case "li-yan" -> { if (d == 10) liYan10 = kl; if (d == 1000) liYan1000 = kl; }
                case "classic" -> { if (d == 10) classic10 = kl; if (d == 1000) classic1000 = kl; }
                default -> { }
            }
        }
        assertTrue(liYan10 > 0 && Math.abs(liYan1000 - liYan10) <= 1e-9 * liYan10, liYan10 + " vs " + liYan1000);
        // docs/math.md §4.1: classic's complement KL per coordinate ~ r_1^2 / 4 with r_1 ~ 0.2 at T = 100
        assertTrue(classic1000 > 50 * classic10, classic10 + " vs " + classic1000);
    }

    @Test
    void missingExperimentListsValidOnes() {
        CliRun r = CliRun.of("reproduce");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("li-yan"), r.err());
    }
}
