package org.diffold.lab.report;

import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Json;

/**
 * Renders a {@link Report} as one self-contained HTML page (inline CSS, no scripts) that refers to the PNG, SVG
 * and CSV files written beside it. All text is escaped with {@link Html#escape}.
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
            details.prov{background:#fafafa;border:1px solid #e5e5e5;padding:.5rem 1rem;margin:1rem 0}
            details.prov td{border:none;padding:.1rem .6rem;font-family:monospace;font-size:.85rem}
            """;

    private HtmlPage() {
    }

    static String render(Report report) {
        StringBuilder sb = new StringBuilder(4096);
        String title = Html.escape(report.title());
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(title).append("</h1>\n");
        provenance(sb, report);
        for (ReportBlock b : report.blocks()) {
            switch (b) {
                case ReportBlock.Heading h -> sb.append("<h2>").append(Html.escape(h.text())).append("</h2>\n");
                case ReportBlock.Paragraph p -> sb.append("<p>").append(Html.escape(p.text())).append("</p>\n");
                case ReportBlock.Table t -> table(sb, t);
                case ReportBlock.Chart c -> chart(sb, c);
                case ReportBlock.Image im -> image(sb, im);
            }
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void provenance(StringBuilder sb, Report report) {
        Map<String, Object> fields = Json.readMap(report.provenance().toJson());
        sb.append("<details class=\"prov\" open>\n<summary>Provenance (")
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
        sb.append("<table>\n<caption>").append(name).append(" <span class=\"links\">(<a href=\"").append(name)
                .append(".csv\">CSV</a>)</span></caption>\n<thead><tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(Html.escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (String cell : row) {
                boolean num = cell != null && isNumber(cell.trim());
                sb.append(num ? "<td class=\"num\">" : "<td>").append(Html.escape(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
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
