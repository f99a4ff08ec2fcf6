package org.diffold.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.diffold.lab.store.Provenance;
import org.junit.jupiter.api.Test;

/** The page leads with the findings, puts plots before tables, collapses long tables and rounds numbers. */
class HtmlLayoutTest {

    private static Provenance prov() {
        return new Provenance("abc", "dev", "21", "test", "linux", "amd64", 7, 1, "2024-05-01T00:00:00Z", List.of("x"));
    }

    @Test
    void findingsFirstPlotsBeforeTablesLongTablesCollapsedProvenanceLast() {
        List<List<String>> longRows = new ArrayList<>();
        for (int i = 0; i < HtmlPage.LONG_TABLE + 1; i++) longRows.add(List.of(Integer.toString(i), "0.123456789"));
        LineChartSpec chart = LineChartSpec.builder("c").series("a", new double[] {1, 2}, new double[] {1, 2}).build();
        Report r = Report.builder("t").provenance(prov()).paragraph("Findings: 42").heading("s")
                .table("short", List.of("i", "v"), List.of(List.of("1", "3.14159265")))
                .chart("plot", chart).table("long", List.of("i", "v"), longRows).build();
        String html = HtmlPage.render(r);
        int findings = html.indexOf("Findings: 42"), plot = html.indexOf("plot.png"), shortT = html.indexOf("short.csv"),
                longT = html.indexOf("Table long"), prov = html.indexOf("class=\"prov\"");
        assertTrue(findings > 0 && findings < plot && plot < shortT && shortT < longT && longT < prov, html);
        assertTrue(html.contains("<details class=\"long\"><summary>Table long (26 rows"), html);
        assertFalse(html.contains("<caption>short</caption>\n</details>"));
        assertTrue(html.contains(">3.142<") && html.contains(">0.1235<") && !html.contains("3.14159265"), html);
    }

    @Test
    void significantKeepsIntegersAndRoundsTheRest() {
        assertEquals("1000", HtmlPage.significant("1000"));
        assertEquals("1.235e-05", HtmlPage.significant("0.0000123456"));
        assertEquals("12.35", HtmlPage.significant("12.3456"));
        assertEquals("1.235e+06", HtmlPage.significant("1234567.5"));
    }

    @Test
    void coincidingSeriesAreDetected() {
        LineChartSpec.Series a = new LineChartSpec.Series("a", new double[] {1, 2}, new double[] {1e-10, 2e-10}, null);
        LineChartSpec.Series b = new LineChartSpec.Series("b", new double[] {1, 2}, new double[] {1e-10, 2e-10 * (1 + 1e-9)}, null);
        LineChartSpec.Series c = new LineChartSpec.Series("c", new double[] {1, 2}, new double[] {1e-10, 3e-10}, null);
        assertTrue(ChartRenderer.coincide(a, b));
        assertFalse(ChartRenderer.coincide(a, c));
    }
}
