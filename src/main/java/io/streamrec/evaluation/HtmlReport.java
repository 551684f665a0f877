package io.streamrec.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained report.html: the figures of the table printed at the end of a run (the halves
 * of the stream, cold items and, when grouped, the baskets) and an inline SVG of HR@20 over the
 * stream, no scripts.
 */
final class HtmlReport {
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 50;

    private HtmlReport() {}

    /** @param grouping how the lines were grouped into baskets, null when they were not */
    static void write(Path file, DatasetInfo dataset, Grouping grouping, List<ModelResult> results) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>streamrec evaluation</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,")
                .append("td:first-child{text-align:left}</style></head><body>")
                .append("<h1>Prequential evaluation</h1><p>").append(escape(dataset.path())).append(": ")
                .append(String.format(Locale.ROOT, "%,d events, %,d users, %,d items; sha256 %s",
                        dataset.events(), dataset.users(), dataset.items(), dataset.sha256()))
                .append("</p>");
        if (grouping != null) {
            html.append(String.format(Locale.ROOT, "<p>Lines grouped by <code>%s</code> into %,d baskets: the lines "
                    + "of one basket are all tested with one list from before any of them is learned. The figures "
                    + "below count each line; the basket table counts each basket once.</p>",
                    escape(grouping.column()), grouping.groups()));
        }
        html.append(header("model", "HR@10", "HR@20", "MRR@20", "cold HR@20", "cold events", "coverage@20",
                "evaluated", "events/s"));
        for (ModelResult r : results) {
            Scoreboard b = r.board(Prequential.ALL);
            html.append(row(r.name(), b.hr10(), b.hr20(), b.mrr20(), b.coldHr20(), b.coldEvents(), b.coverage20(),
                    b.evaluated(), Math.round(r.eventsPerSecond())));
        }
        html.append("</table><h2>First and second half of the stream, cold items</h2><p>Cold items: the event's "
                + "item had fewer than ").append(Scoreboard.COLD_ITEM_EVENTS).append(" earlier events.</p>")
                .append(header("model", "HR@20 1st half", "HR@20 2nd half", "MRR@20 1st half", "MRR@20 2nd half",
                        "cold-item HR@20", "cold-item events"));
        for (ModelResult r : results) {
            Scoreboard b = r.board(Prequential.ALL);
            html.append(row(r.name(), b.firstHalf().hr20(), b.secondHalf().hr20(), b.firstHalf().mrr20(),
                    b.secondHalf().mrr20(), b.coldItems().hr20(), b.coldItems().evaluated()));
        }
        html.append("</table>");
        if (grouping != null) {
            html.append("<h2>Per basket</h2><p>A basket is a hit when any of its items new for the user is in its "
                    + "list; its reciprocal rank is that of its best-ranked one.</p>")
                    .append(header("model", "HR@10", "HR@20", "MRR@20", "baskets", "HR@20 1st half",
                            "HR@20 2nd half", "MRR@20 1st half", "MRR@20 2nd half"));
            for (ModelResult r : results) {
                Scoreboard b = r.board(Prequential.ALL);
                Scoreboard.Half all = b.baskets();
                html.append(row(r.name(), all.hr10(), all.hr20(), all.mrr20(), all.evaluated(),
                        b.baskets(0).hr20(), b.baskets(1).hr20(), b.baskets(0).mrr20(), b.baskets(1).mrr20()));
            }
            html.append("</table>");
        }
        int window = window(results);
        html.append("<h2>HR@20 over the stream</h2><p>Moving window of ").append(window)
                .append(" evaluation events.</p>").append(chart(results, window)).append("</body></html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String header(String... names) {
        StringBuilder out = new StringBuilder("<table><tr>");
        for (String name : names) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        return out.append("</tr>").toString();
    }

    /** A model's row: fractions to four places, counts whole. */
    private static String row(String model, Number... cells) {
        StringBuilder out = new StringBuilder("<tr><td>").append(escape(model)).append("</td>");
        for (Number cell : cells) {
            out.append("<td>").append(cell instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
                    : cell.toString()).append("</td>");
        }
        return out.append("</tr>").toString();
    }

    private static int window(List<ModelResult> results) {
        int evaluated = results.stream().mapToInt(r -> r.board(Prequential.ALL).evaluated()).max().orElse(0);
        return Math.max(100, evaluated / 50);
    }

    static String chart(List<ModelResult> results, int window) {
        double maxX = 1;
        double maxY = 0.05;
        double[][][] series = new double[results.size()][][];
        for (int m = 0; m < results.size(); m++) {
            series[m] = results.get(m).board(Prequential.ALL).movingHr20(window, 300);
            for (double[] point : series[m]) {
                maxX = Math.max(maxX, point[0]);
                maxY = Math.max(maxY, point[1]);
            }
        }
        maxY = Math.ceil(maxY * 20) / 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">", WIDTH + 160, HEIGHT));
        int plotW = WIDTH - 2 * MARGIN;
        int plotH = HEIGHT - 2 * MARGIN;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>",
                MARGIN, MARGIN, plotW, plotH));
        for (int t = 0; t <= 5; t++) {
            double y = MARGIN + plotH - plotH * t / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3f</text>", MARGIN, MARGIN + plotW, y, y,
                    MARGIN - 4, y + 4, maxY * t / 5));
            double x = MARGIN + plotW * t / 5.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>",
                    x, MARGIN + plotH + 16, maxX * t / 5));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">evaluation events</text>",
                MARGIN + plotW / 2, HEIGHT - 8));
        for (int m = 0; m < results.size(); m++) {
            String colour = COLOURS[m % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : series[m]) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", MARGIN + plotW * p[0] / maxX,
                        MARGIN + plotH - plotH * p[1] / maxY));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour)
                    .append("\" points=\"").append(points.toString().trim()).append("\"/>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", WIDTH + 5, MARGIN + m * 20, colour, WIDTH + 22,
                    MARGIN + m * 20 + 10, escape(results.get(m).name())));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
