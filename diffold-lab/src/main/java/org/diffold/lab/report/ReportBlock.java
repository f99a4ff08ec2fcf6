package org.diffold.lab.report;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One element of a {@link Report}, in document order. */
public sealed interface ReportBlock {

    /** File stems for tables and charts: letters, digits, {@code _} and {@code -}. */
    Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

    /**
     * A section heading.
     *
     * @param text heading text
     */
    record Heading(String text) implements ReportBlock {
        /** Checks for null. */
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A paragraph of plain text (escaped, not HTML).
     *
     * @param text paragraph text
     */
    record Paragraph(String text) implements ReportBlock {
        /** Checks for null. */
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A table, shown in the page and written as {@code <name>.csv}.
     *
     * @param name file stem and caption
     * @param header column names
     * @param rows rows with one cell per column
     */
    record Table(String name, List<String> header, List<List<String>> rows) implements ReportBlock {
        /** Checks the name and row widths and copies the lists. */
        public Table {
            checkName(name);
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            Csv.format(header, rows); // validates row widths
        }
    }

    /**
     * A line chart, shown as {@code <name>.png} with a link to {@code <name>.svg}.
     *
     * @param name file stem
     * @param spec the chart
     */
    record Chart(String name, LineChartSpec spec) implements ReportBlock {
        /** Checks the name. */
        public Chart {
            checkName(name);
            Objects.requireNonNull(spec, "spec");
        }
    }

    /**
     * A picture (e.g. an {@link ImageGrid}), shown as {@code <name>.png} at its natural size times {@code zoom}.
     *
     * @param name file stem
     * @param caption caption text
     * @param png the PNG bytes
     * @param zoom display scale (>= 1) for small images
     */
    record Image(String name, String caption, byte[] png, int zoom) implements ReportBlock {
        /** Checks the name and zoom. */
        public Image {
            checkName(name);
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(png, "png");
            if (zoom < 1) throw new IllegalArgumentException("image zoom must be >= 1, got " + zoom);
        }
    }

    private static void checkName(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("report item name '" + name
                    + "' must be 1-80 letters, digits, '_' or '-', starting with a letter or digit");
        }
    }
}
