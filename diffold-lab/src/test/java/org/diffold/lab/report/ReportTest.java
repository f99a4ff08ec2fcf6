package org.diffold.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.diffold.lab.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path runs;

    static Provenance provenance() {
        return new Provenance("abc", "dev", "21", "test", "linux", "amd64", 7, 2, "2024-05-01T00:00:00Z",
                List.of("diffold", "reproduce", "--n", "10"));
    }

    @Test
    void writesOneFolderWithPageCsvChartsAndProvenance() throws IOException {
        Report report = Report.builder("Error <vs> steps").provenance(provenance())
                .heading("Result")
                .paragraph("Euler's error & Heun's <b>error</b>.")
                .chart("error", ChartRendererTest.logLogChart())
                .table("error", List.of("steps", "method, variant"), List.of(List.of("10", "euler \"a\""),
                        List.of("100", "heun")))
                .build();
        Path dir = report.writeTo(runs.resolve("fig1-run"));

        assertEquals(List.of("error.csv", "error.png", "error.svg", "index.html", "provenance.json"), names(dir));
        assertEquals(List.of("fig1-run"), names(runs), "temporary folder renamed away");
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<title>Error &lt;vs&gt; steps</title>"), "title escaped");
        assertTrue(html.contains("<p>Euler&#39;s error &amp; Heun&#39;s &lt;b&gt;error&lt;/b&gt;.</p>"), html);
        assertTrue(html.contains("<img src=\"error.png\""));
        assertTrue(html.contains("href=\"error.svg\""));
        assertTrue(html.contains("href=\"error.csv\""));
        assertTrue(html.contains("<td class=\"num\">10</td><td>euler &quot;a&quot;</td>"), html);
        assertTrue(html.contains("diffold reproduce --n 10"), "command line shown");
        assertEquals("steps,\"method, variant\"\n10,\"euler \"\"a\"\"\"\n100,heun\n",
                Files.readString(dir.resolve("error.csv")));
        assertEquals(provenance(), Provenance.fromJson(Files.readString(dir.resolve("provenance.json"))));
    }

    @Test
    void rewritingReplacesTheFolder() throws IOException {
        Path dir = runs.resolve("r");
        Report.builder("one").provenance(provenance()).table("t1", List.of("a"), List.of()).build().writeTo(dir);
        Report.builder("two").provenance(provenance()).paragraph("x").build().writeTo(dir);
        assertEquals(List.of("index.html", "provenance.json"), names(dir));
        assertTrue(Files.readString(dir.resolve("index.html")).contains("<h1>two</h1>"));
        assertEquals(List.of("r"), names(runs));
    }

    @Test
    void validatesNamesRowsAndProvenance() {
        Report.Builder b = Report.builder("t").provenance(provenance());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.table("../x", List.of("a"), List.of()));
        assertTrue(e.getMessage().startsWith("report item name '../x' must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.table("t", List.of("a", "b"), List.of(List.of("1"))));
        assertEquals("row 0 has 1 cells but the header has 2", e.getMessage());
        b.table("t", List.of("a"), List.of());
        assertThrows(IllegalArgumentException.class, () -> b.table("t", List.of("a"), List.of()));
        assertThrows(IllegalStateException.class, () -> Report.builder("t").build());
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
