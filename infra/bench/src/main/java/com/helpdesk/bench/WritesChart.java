package com.helpdesk.bench;

import java.util.List;
import java.util.Locale;

/** The writes part's chart: one bar per step, its table and index write units stacked, the dollars per 1,000 tickets beside it. */
final class WritesChart {
    private static final int LABEL = 330;
    private static final int BAR = 420;
    private static final int ROW = 28;

    private WritesChart() {}

    static String svg(List<WritesBench.Row> rows) {
        double max = rows.stream().mapToDouble(WritesBench.Row::wru).max().orElse(1);
        int height = 60 + rows.size() * ROW + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                LABEL + BAR + 220, height));
        s.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">DynamoDB write units per step of a typical ticket life (AWS's documented rules)</text>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"#4e79a7\"/><text x=\"%d\" y=\"40\">table</text>%n", LABEL, LABEL + 16));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"#f28e2b\"/><text x=\"%d\" y=\"40\">indexes</text>%n", LABEL + 70, LABEL + 86));
        int y = 60;
        for (WritesBench.Row r : rows) {
            double table = BAR * r.tableWru() / max;
            double index = BAR * r.indexWru() / max;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 8, y + 14, escape(r.step().strip())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#4e79a7\"/>%n", LABEL, y, table));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#f28e2b\"/>%n", LABEL + table, y, index));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.0f WRU, $%.4f / 1,000 tickets</text>%n", LABEL + table + index + 6, y + 14,
                    r.wru(), r.writeUsdPer1000()));
            y += ROW;
        }
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#555\">us-east-1 on-demand: $%.3f per million WRU; reads, Lambda and the other services not in the bars</text>%n",
                y + 16, WritesBench.USD_PER_MILLION_WRU));
        return s.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
