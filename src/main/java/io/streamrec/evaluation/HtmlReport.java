package io.streamrec.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A self-contained report.html: the table and an inline SVG of HR@20 over the stream, no scripts. */
final class HtmlReport {
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 50;

    private HtmlReport() {}

    static void write(Path file, DatasetInfo dataset, List<ModelResult> results) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>streamrec evaluation</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,")
                .append("td:first-child{text-align:left}</style></head><body>")
                .append("<h1>Prequential evaluation</h1><p>").append(escape(dataset.path())).append(": ")
                .append(String.format(Locale.ROOT, "%,d events, %,d users, %,d items; sha256 %s",
                        dataset.events(), dataset.users(), dataset.items(), dataset.sha256()))
                .append("</p><table><tr><th>model</th><th>HR@10</th><th>HR@20</th><th>MRR@20</th>")
                .append("<th>cold HR@20</th><th>coverage@20</th><th>evaluated</th><th>events/s</th></tr>");
        for (ModelResult r : results) {
            Scoreboard b = r.board(Prequential.ALL);
            html.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%d</td><td>%.0f</td></tr>",
                    escape(r.name()), b.hr10(), b.hr20(), b.mrr20(), b.coldHr20(), b.coverage20(), b.evaluated(),
                    r.eventsPerSecond()));
        }
        html.append("</table>");
        int window = window(results);
        html.append("<h2>HR@20 over the stream</h2><p>Moving window of ").append(window)
                .append(" evaluation events.</p>").append(chart(results, window)).append("</body></html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
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
