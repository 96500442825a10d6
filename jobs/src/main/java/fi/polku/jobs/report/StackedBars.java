package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal 100 % bars, one per group, segments in five distinct greys (light to dark, with white gaps) and
 * the percentage written inside every segment wide enough to hold it, plus a legend; the three light greys are
 * outlined in black (their edge, not their fill, gives the 3:1 contrast against white of WCAG 1.4.11); hidden (suppressed)
 * counts form one hatched segment so the bar still adds up without revealing them.
 */
final class StackedBars {
    record Segment(String label, double share) {
    }

    record Bar(String label, List<Segment> segments) {
    }

    private static final String[] FILLS = {"#111", "#555", "#999", "#c8c8c8", "#e8e8e8"};
    private static final int W = 640;
    private static final int LABEL = 170;
    private static final int ROW = 30;

    private final String title;
    private final List<String> legend;
    private final String hiddenLabel;
    private final List<Bar> bars = new ArrayList<>();

    /** {@code legend}: the segment labels in order, which fix their greys. */
    StackedBars(String title, List<String> legend, String hiddenLabel) {
        this.title = title;
        this.legend = legend;
        this.hiddenLabel = hiddenLabel;
    }

    StackedBars bar(String label, List<Segment> segments) {
        bars.add(new Bar(label, segments));
        return this;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The bars with their description and their shares as a table (one row per bar). */
    Chart svg(Messages m) {
        List<String> all = new ArrayList<>(legend);
        all.add(hiddenLabel);
        List<String> labels = new ArrayList<>();
        bars.forEach(b -> labels.add(b.label()));
        String description = m.text("chart.desc.bars", String.join(", ", labels), String.join(", ", all));
        List<String> headers = new ArrayList<>(List.of(m.text("chart.row")));
        headers.addAll(all);
        HtmlTable table = new HtmlTable(title, headers.toArray(String[]::new));
        for (Bar b : bars) {
            List<HtmlTable.Cell> cells = new ArrayList<>(List.of(HtmlTable.Cell.text(b.label())));
            for (String label : all) {
                Double share = null;
                for (Segment s : b.segments()) {
                    if (s.label().equals(label)) {
                        share = s.share();
                    }
                }
                cells.add(HtmlTable.Cell.number(share == null ? "–" : m.percent(share)));
            }
            table.row(cells.toArray(HtmlTable.Cell[]::new));
        }
        return new Chart(draw(m, description), description, table);
    }

    private String draw(Messages m, String description) {
        int height = 20 + ROW * bars.size() + 20 * ((legend.size() + 2) / 2) + 10;
        Svg svg = new Svg(W, height, title, description);
        // The pattern's id is the chart's own: a page with two bar charts must not define one id twice.
        String pattern = "hidden-" + Integer.toHexString((title + description).hashCode());
        String hidden = "url(#" + pattern + ")";
        StringBuilder defs = new StringBuilder("<defs><pattern id=\"" + pattern + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                + "<path d=\"M0 6 L6 0\" stroke=\"#000\" stroke-width=\"1\"/></pattern></defs>");
        double span = W - LABEL - 20;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = 10 + ROW * i;
            svg.text(LABEL - 8, y + ROW / 2.0 + 2, b.label(), "end", "font-size=\"12\"");
            double x = LABEL;
            for (Segment s : b.segments()) {
                int index = legend.indexOf(s.label());
                String fill = index < 0 ? hidden : FILLS[index % FILLS.length];
                double w = s.share() * span;
                svg.rect(x, y + 4, w, ROW - 10, "fill=\"" + fill + "\" stroke=\"" + (index >= 2 ? "#000" : "#fff") + "\" stroke-width=\"1\"");
                if (w > 34) {
                    boolean dark = index >= 0 && index < 2;
                    svg.text(x + w / 2, y + ROW / 2.0 + 2, m.percent(s.share()), "middle",
                            "font-size=\"11\" fill=\"" + (dark ? "#fff" : "#000") + "\"");
                }
                x += w;
            }
        }
        double ly = 10 + ROW * bars.size() + 12;
        List<String> all = new ArrayList<>(legend);
        all.add(hiddenLabel);
        for (int i = 0; i < all.size(); i++) {
            double lx = LABEL + (i % 2) * 230;
            double yy = ly + 20 * (i / 2);
            String fill = i < legend.size() ? FILLS[i % FILLS.length] : hidden;
            svg.rect(lx, yy - 9, 14, 12, "fill=\"" + fill + "\" stroke=\"#000\" stroke-width=\"1.5\"");
            svg.text(lx + 18, yy + 1, all.get(i), "start", "font-size=\"11\"");
        }
        String out = svg.build();
        return out.replaceFirst("</title>", "</title>" + defs);
    }
}
