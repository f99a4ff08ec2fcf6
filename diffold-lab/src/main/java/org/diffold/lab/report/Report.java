package org.diffold.lab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.diffold.lab.store.Provenance;

/**
 * A self-contained HTML report: title, provenance, then headings, paragraphs, tables and charts in order.
 * {@link #writeTo(Path)} commits one folder atomically holding {@code index.html}, {@code provenance.json}, one
 * {@code <name>.csv} per table and {@code <name>.png} plus {@code <name>.svg} per chart.
 *
 * <pre>{@code
 * Report.builder("Euler error vs steps").provenance(p)
 *     .paragraph("KL error of the Euler sampler ...")
 *     .chart("error", spec)
 *     .table("error", List.of("steps", "kl"), rows)
 *     .build().writeTo(Path.of("runs", runId));
 * }</pre>
 */
public final class Report {

    private final String title;
    private final Provenance provenance;
    private final List<ReportBlock> blocks;

    private Report(String title, Provenance provenance, List<ReportBlock> blocks) {
        this.title = title;
        this.provenance = provenance;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Starts a report.
     *
     * @param title page title
     * @return a builder; {@link Builder#provenance} is required
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** @return the page title */
    public String title() {
        return title;
    }

    /** @return the provenance shown in the page and written to {@code provenance.json} */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the blocks in document order */
    public List<ReportBlock> blocks() {
        return blocks;
    }

    /**
     * Renders every file into a temporary folder beside {@code runDir}, then renames it to {@code runDir}
     * (replacing an existing one).
     *
     * @param runDir the report folder, for example {@code runs/<run-id>}
     * @return {@code runDir}
     * @throws IOException if rendering or writing fails; nothing is then left under {@code runDir}'s name
     */
    public Path writeTo(Path runDir) throws IOException {
        return AtomicFiles.commitFolder(runDir, dir -> {
            write(dir.resolve("provenance.json"), provenance.toPrettyJson().getBytes(StandardCharsets.UTF_8));
            for (ReportBlock b : blocks) {
                switch (b) {
                    case ReportBlock.Table t -> write(dir.resolve(t.name() + ".csv"),
                            Csv.format(t.header(), t.rows()).getBytes(StandardCharsets.UTF_8));
                    case ReportBlock.Chart c -> {
                        write(dir.resolve(c.name() + ".png"), ChartRenderer.png(c.spec()));
                        write(dir.resolve(c.name() + ".svg"), ChartRenderer.svg(c.spec()));
                    }
                    case ReportBlock.Image im -> write(dir.resolve(im.name() + ".png"), im.png());
                    case ReportBlock.Heading h -> { }
                    case ReportBlock.Paragraph p -> { }
                }
            }
            write(dir.resolve("index.html"), HtmlPage.render(this).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }

    /** Collects the blocks of a {@link Report}. */
    public static final class Builder {
        private final String title;
        private Provenance provenance;
        private final List<ReportBlock> blocks = new ArrayList<>();
        private final Set<String> tableNames = new HashSet<>();
        private final Set<String> chartNames = new HashSet<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /**
         * Sets the provenance (required).
         *
         * @param p provenance of the run
         * @return this builder
         */
        public Builder provenance(Provenance p) {
            this.provenance = Objects.requireNonNull(p, "provenance");
            return this;
        }

        /**
         * Adds a section heading.
         *
         * @param text heading text
         * @return this builder
         */
        public Builder heading(String text) {
            blocks.add(new ReportBlock.Heading(text));
            return this;
        }

        /**
         * Adds a paragraph of plain text.
         *
         * @param text paragraph text; HTML is escaped
         * @return this builder
         */
        public Builder paragraph(String text) {
            blocks.add(new ReportBlock.Paragraph(text));
            return this;
        }

        /**
         * Adds a table, also written as {@code <name>.csv}.
         *
         * @param name unique table name and file stem
         * @param header column names
         * @param rows rows with one cell per column
         * @return this builder
         */
        public Builder table(String name, List<String> header, List<List<String>> rows) {
            ReportBlock.Table t = new ReportBlock.Table(name, header, rows);
            unique(tableNames, name, "table");
            blocks.add(t);
            return this;
        }

        /**
         * Adds a chart, written as {@code <name>.png} and {@code <name>.svg}.
         *
         * @param name unique chart name and file stem
         * @param spec the chart
         * @return this builder
         */
        public Builder chart(String name, LineChartSpec spec) {
            ReportBlock.Chart c = new ReportBlock.Chart(name, spec);
            unique(chartNames, name, "chart");
            blocks.add(c);
            return this;
        }

        /**
         * Adds a picture, written as {@code <name>.png} (chart names and picture names share one namespace).
         *
         * @param name unique file stem
         * @param caption caption
         * @param png PNG bytes, e.g. from {@link ImageGrid#pngBytes}
         * @param zoom display scale for small images
         * @return this builder
         */
        public Builder image(String name, String caption, byte[] png, int zoom) {
            ReportBlock.Image im = new ReportBlock.Image(name, caption, png, zoom);
            unique(chartNames, name, "chart or image");
            blocks.add(im);
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         * @throws IllegalStateException if no provenance was set
         */
        public Report build() {
            if (provenance == null) {
                throw new IllegalStateException("report '" + title + "' needs a provenance; call provenance(p)");
            }
            return new Report(title, provenance, blocks);
        }

        private static void unique(Set<String> names, String name, String kind) {
            if (!names.add(name)) {
                throw new IllegalArgumentException(kind + " name '" + name + "' is used twice in the report");
            }
        }
    }
}
