package org.diffold.lab.report;

import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Json;

/**
 * Renders a {@link Report} as one self-contained HTML page (inline CSS, no scripts) that refers to the PNG, SVG
 * and CSV files written beside it. All text is escaped with {@link Html#escape}.
 *
 * <p>Layout rules, so every report leads with its verdict: the blocks before the first heading (the findings)
 * come first; within each section paragraphs and plots come before tables; tables of more than {@link #LONG_TABLE}
 * rows are collapsed ({@code <details>}, full precision in the CSV); table numbers are shown to 4 significant
 * digits; wide tables scroll inside the page; the provenance closes the page.
 */
final class HtmlPage {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;\
            padding:0 1rem;color:#222;line-height:1.5}
            h1{font-size:1.6rem;border-bottom:2px solid #ddd;padding-bottom:.3rem}h2{font-size:1.25rem;margin-top:2rem}
            table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
            th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}th{background:#f3f3f3}
            td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600}
            figure{margin:1.5rem 0}img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption,.links{font-size:.85rem;color:#555}
            .tw{overflow-x:auto;max-width:100%}.tw table{font-size:.8rem}
            details.long{margin:1rem 0}details.long summary{cursor:pointer;font-weight:600}
            details.prov{background:#fafafa;border:1px solid #e5e5e5;padding:.5rem 1rem;margin:1rem 0}
            details.prov td{border:none;padding:.1rem .6rem;font-family:monospace;font-size:.85rem}
            """;

    /** Tables with more rows than this are collapsed. */
    static final int LONG_TABLE = 25;

    private HtmlPage() {
    }

    static String render(Report report) {
        StringBuilder sb = new StringBuilder(4096);
        String title = Html.escape(report.title());
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(title).append("</h1>\n");
        List<ReportBlock> section = new java.util.ArrayList<>();
        for (ReportBlock b : report.blocks()) {
            if (b instanceof ReportBlock.Heading) {
                section(sb, section);
                section.clear();
            }
            section.add(b);
        }
        section(sb, section);
        provenance(sb, report);
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** One section: its heading, then paragraphs and charts in order, then its tables. */
    private static void section(StringBuilder sb, List<ReportBlock> blocks) {
        for (ReportBlock b : blocks) {
            switch (b) {
                case ReportBlock.Heading h -> sb.append("<h2>").append(Html.escape(h.text())).append("</h2>\n");
                case ReportBlock.Paragraph p -> sb.append("<p>").append(Html.escape(p.text())).append("</p>\n");
                case ReportBlock.Chart c -> chart(sb, c);
                case ReportBlock.Image im -> image(sb, im);
                case ReportBlock.Table t -> { }
            }
        }
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Table t) {
                table(sb, t);
            }
        }
    }

    private static void provenance(StringBuilder sb, Report report) {
        Map<String, Object> fields = Json.readMap(report.provenance().toJson());
        sb.append("<details class=\"prov\">\n<summary>Provenance (")
                .append("<a href=\"provenance.json\">provenance.json</a>)</summary>\n<table>\n");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList())
                    : String.valueOf(v);
            sb.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>").append(Html.escape(text))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n</details>\n");
    }

    private static void table(StringBuilder sb, ReportBlock.Table t) {
        String name = Html.escape(t.name());
        boolean collapsed = t.rows().size() > LONG_TABLE;
        if (collapsed) {
            sb.append("<details class=\"long\"><summary>Table ").append(name).append(" (").append(t.rows().size())
                    .append(" rows; also as <a href=\"").append(name).append(".csv\">CSV</a>)</summary>\n");
        }
        sb.append("<div class=\"tw\">\n<table>\n<caption>").append(name).append(" <span class=\"links\">(<a href=\"").append(name)
                .append(".csv\">CSV</a>)</span></caption>\n<thead><tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(Html.escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (String cell : row) {
                boolean num = cell != null && isNumber(cell.trim());
                sb.append(num ? "<td class=\"num\">" : "<td>").append(Html.escape(num ? significant(cell.trim()) : cell))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</div>\n");
        if (collapsed) {
            sb.append("</details>\n");
        }
    }

    /**
     * Shows a number to 4 significant digits: integers as they are, others as {@code %.4g} (plain for magnitudes in
     * [1e-3, 1e4), else scientific). The CSV beside the page keeps the full text.
     */
    static String significant(String cell) {
        if (cell.matches("[-+]?\\d{1,9}")) {
            return cell;
        }
        double v = Double.parseDouble(cell);
        if (v == 0 || !Double.isFinite(v)) {
            return cell;
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(java.util.Locale.ROOT, "%.4g", v)
                : String.format(java.util.Locale.ROOT, "%.3e", v);
    }

    private static void chart(StringBuilder sb, ReportBlock.Chart c) {
        String name = Html.escape(c.name());
        String title = Html.escape(c.spec().title());
        sb.append("<figure>\n<img src=\"").append(name).append(".png\" alt=\"").append(title)
                .append("\" width=\"").append(ChartRenderer.WIDTH).append("\" height=\"").append(ChartRenderer.HEIGHT)
                .append("\">\n<figcaption>").append(title).append(" (<a href=\"").append(name)
                .append(".svg\">SVG</a>, <a href=\"").append(name).append(".png\">PNG</a>)</figcaption>\n</figure>\n");
    }

    private static void image(StringBuilder sb, ReportBlock.Image im) {
        String name = Html.escape(im.name());
        int w = -1, h = -1;
        try {
            java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(im.png()));
            if (b != null) { w = b.getWidth() * im.zoom(); h = b.getHeight() * im.zoom(); }
        } catch (java.io.IOException e) {
            // leave the natural size
        }
        sb.append("<figure>\n<img src=\"").append(name).append(".png\" alt=\"").append(Html.escape(im.caption())).append('"');
        if (w > 0) sb.append(" width=\"").append(w).append("\" height=\"").append(h).append("\" style=\"image-rendering:pixelated\"");
        sb.append(">\n<figcaption>").append(Html.escape(im.caption())).append("</figcaption>\n</figure>\n");
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
