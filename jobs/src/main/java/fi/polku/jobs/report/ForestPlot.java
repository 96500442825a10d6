package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A forest plot: one row per estimate with its interval as a line and the point as a square, pooled rows as
 * diamonds, a reference line at "no effect", the numbers printed at the right. Black on white.
 */
final class ForestPlot {
    record Row(String label, double estimate, double lower, double upper, boolean pooled, String text) {
    }

    private static final int W = 640;
    private static final int LABEL = 250;
    private static final int NUMBERS = 140;
    private static final int ROW = 24;

    private final String title;
    private final String axisLabel;
    private final double reference;
    private final String referenceLabel;
    private final List<Row> rows = new ArrayList<>();

    ForestPlot(String title, String axisLabel, double reference, String referenceLabel) {
        this.title = title;
        this.axisLabel = axisLabel;
        this.reference = reference;
        this.referenceLabel = referenceLabel;
    }

    ForestPlot row(String label, double estimate, double lower, double upper, boolean pooled, String text) {
        rows.add(new Row(label, estimate, lower, upper, pooled, text));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The plot with its description and its rows as a table. */
    Chart svg(Messages m) {
        List<String> labels = new ArrayList<>();
        rows.forEach(r -> labels.add(r.label()));
        String description = m.text("chart.desc.forest", axisLabel, referenceLabel) + " " + m.text("chart.desc.rows", String.join(", ", labels));
        HtmlTable table = new HtmlTable(title, m.text("chart.row"), axisLabel);
        rows.forEach(r -> table.row(HtmlTable.Cell.text(r.label()), HtmlTable.Cell.number(r.text())));
        return new Chart(draw(m, description), description, table);
    }

    private String draw(Messages m, String description) {
        double lo = reference;
        double hi = reference;
        for (Row r : rows) {
            lo = Math.min(lo, r.lower());
            hi = Math.max(hi, r.upper());
        }
        int height = 30 + ROW * rows.size() + 50;
        Scale x = Scale.of(lo, hi, LABEL, W - NUMBERS, 5);
        Svg svg = new Svg(W, height, title, description);
        double bottom = 20 + ROW * rows.size();
        for (double t : x.ticks()) {
            svg.line(x.at(t), bottom, x.at(t), bottom + 4, "stroke=\"#000\"");
            svg.text(x.at(t), bottom + 16, m.number(t, x.decimals()), "middle", "font-size=\"11\"");
        }
        svg.line(LABEL, bottom, W - NUMBERS, bottom, "stroke=\"#000\"");
        svg.line(x.at(reference), 10, x.at(reference), bottom, "stroke=\"#000\" stroke-dasharray=\"3 3\"");
        svg.text(x.at(reference), height - 6, referenceLabel, "middle", "font-size=\"10\" fill=\"#333\"");
        svg.text((LABEL + W - NUMBERS) / 2.0, bottom + 32, axisLabel, "middle", "font-size=\"12\"");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double cy = 20 + ROW * i + ROW / 2.0;
            svg.text(LABEL - 8, cy + 4, r.label(), "end", r.pooled() ? "font-size=\"12\" font-weight=\"bold\"" : "font-size=\"12\"");
            svg.text(W - NUMBERS + 8, cy + 4, r.text(), "start", "font-size=\"11\"");
            double px = x.at(r.estimate());
            if (r.pooled()) {
                svg.polygon(new double[] {x.at(r.lower()), px, x.at(r.upper()), px}, new double[] {cy, cy - 7, cy, cy + 7},
                        "fill=\"#000\"");
            } else {
                svg.line(x.at(r.lower()), cy, x.at(r.upper()), cy, "stroke=\"#000\" stroke-width=\"1.5\"");
                svg.rect(px - 4, cy - 4, 8, 8, "fill=\"#000\"");
            }
        }
        return svg.build();
    }
}
