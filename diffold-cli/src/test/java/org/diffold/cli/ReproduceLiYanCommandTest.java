package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

        CliRun second = CliRun.of("reproduce", "li-yan", "--quick", "--json", "--db", db, "--runs-dir", runs);
        assertEquals(0, second.code(), second.err());
        assertEquals(0, ((Number) Json.readMap(second.out()).get("computed")).intValue());
    }

    @Test
    void missingExperimentListsValidOnes() {
        CliRun r = CliRun.of("reproduce");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("li-yan"), r.err());
    }
}
