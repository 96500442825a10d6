package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line chart: series drawn in black and greys told apart by dash pattern and marker shape (readable in
 * greyscale and in print), an optional shaded band, vertical markers (e.g. the project start), axis ticks and
 * labels, and a legend.
 */
final class LineChart {
    /** How a series is drawn. */
    enum Style {
        SOLID("stroke=\"#000\" stroke-width=\"2.2\"", "circle"),
        DASHED("stroke=\"#444\" stroke-width=\"2\" stroke-dasharray=\"7 4\"", "square"),
        DOTTED("stroke=\"#666\" stroke-width=\"2\" stroke-dasharray=\"2 3\"", "none"),
        /** A reference level (e.g. the national rate): thin, long dash and dot. */
        REFERENCE("stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"10 3 2 3\"", "none");

        final String stroke;
        final String marker;

        Style(String stroke, String marker) {
            this.stroke = stroke;
            this.marker = marker;
        }
    }

    /** A series; {@code counts} (x → n, the cases a point rests on) is empty when the points have none to show. */
    record Series(String label, TreeMap<Double, Double> points, TreeMap<Double, Long> counts, Style style) {
    }

    record Band(String label, TreeMap<Double, double[]> range) {
    }

    record Marker(double x, String label) {
    }

    private static final int W = 640;
    private static final int H = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 82;
    /** The height of a row of counts under the x axis. */
    private static final int ROW = 12;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private boolean wholeX;

    LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart series(String label, Map<Double, Double> points, Style style) {
        return series(label, points, Map.of(), style);
    }

    /**
     * A series whose every point shows the n it rests on ({@code counts}, x → n): in the data table, a column beside
     * the series', and on the chart, in a row under the x axis and in the point's tooltip.
     */
    LineChart series(String label, Map<Double, Double> points, Map<Double, Long> counts, Style style) {
        if (!points.isEmpty()) {
            series.add(new Series(label, new TreeMap<>(points), new TreeMap<>(counts), style));
        }
        return this;
    }

    LineChart band(String label, Map<Double, double[]> range) {
        if (!range.isEmpty()) {
            bands.add(new Band(label, new TreeMap<>(range)));
        }
        return this;
    }

    LineChart marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    /** Ticks on whole x values only (sessions, years). */
    LineChart wholeX() {
        wholeX = true;
        return this;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /** The chart with its description and its numbers as a table (one row per x value). */
    Chart svg(Messages m) {
        return new Chart(draw(m), description(m), data(m));
    }

    private String description(Messages m) {
        List<String> names = new ArrayList<>();
        series.forEach(s -> names.add(s.label()));
        bands.forEach(b -> names.add(b.label()));
        String text = m.text("chart.desc.line", yLabel, xLabel) + " " + m.text("chart.desc.series", String.join(", ", names));
        for (Marker mk : markers) {
            text += " " + m.text("chart.desc.marker", mk.label(), xText(m, mk.x()));
        }
        if (series.stream().anyMatch(sr -> !sr.counts().isEmpty())) {
            text += " " + m.text("chart.desc.n");
        }
        return text;
    }

    private String xText(Messages m, double x) {
        return wholeX && x == Math.rint(x) ? Long.toString(Math.round(x)) : m.number(x, wholeX ? 2 : 1);
    }

    private HtmlTable data(Messages m) {
        List<String> headers = new ArrayList<>(List.of(xLabel));
        for (Series s : series) {
            headers.add(s.label());
            if (!s.counts().isEmpty()) {
                headers.add(s.label() + ": " + m.text("chart.n"));
            }
        }
        for (Band b : bands) {
            headers.add(b.label() + ": " + m.text("chart.lower"));
            headers.add(b.label() + ": " + m.text("chart.upper"));
        }
        HtmlTable table = new HtmlTable(title, headers.toArray(String[]::new));
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        series.forEach(s -> xs.addAll(s.points().keySet()));
        bands.forEach(b -> xs.addAll(b.range().keySet()));
        for (double x : xs) {
            List<HtmlTable.Cell> cells = new ArrayList<>(List.of(HtmlTable.Cell.text(xText(m, x))));
            for (Series s : series) {
                cells.add(HtmlTable.Cell.number(m.number(s.points().get(x), 1)));
                if (!s.counts().isEmpty()) {
                    Long n = s.points().containsKey(x) ? s.counts().get(x) : null;
                    cells.add(HtmlTable.Cell.number(n == null ? "–" : m.count(n)));
                }
            }
            for (Band b : bands) {
                double[] r = b.range().get(x);
                cells.add(HtmlTable.Cell.number(r == null ? "–" : m.number(r[0], 1)));
                cells.add(HtmlTable.Cell.number(r == null ? "–" : m.number(r[1], 1)));
            }
            table.row(cells.toArray(HtmlTable.Cell[]::new));
        }
        return table;
    }

    /**
     * Under the x axis, a row per series that shows counts: its marker, "n", and each drawn point's n under its tick,
     * so the n is read on the chart itself (in print and in the PNG too, where a tooltip is not).
     */
    private void counts(Messages m, Svg svg, Scale x) {
        double row = H - BOTTOM + 16;
        for (Series s : series) {
            if (s.counts().isEmpty()) {
                continue;
            }
            row += ROW;
            svg.text(LEFT - 16, row, "n", "end", "font-size=\"10\"");
            marker(svg, s.style(), LEFT - 9, row - 3.5, null);
            for (Map.Entry<Double, Long> e : s.counts().entrySet()) {
                if (s.points().containsKey(e.getKey())) {
                    svg.text(x.at(e.getKey()), row, m.count(e.getValue()), "middle", "font-size=\"10\"");
                }
            }
        }
    }

    /** A series' point marker (none for a style without one). */
    private static void marker(Svg svg, Style style, double x, double y, String tip) {
        if (style.marker.equals("circle")) {
            svg.circle(x, y, 3.2, "fill=\"#000\"", tip);
        } else if (style.marker.equals("square")) {
            svg.rect(x - 3, y - 3, 6, 6, "fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.5\"", tip);
        }
    }

    /** A point's tooltip when its series shows counts: series, x, value and n; else none. */
    private String tip(Messages m, Series s, double x, double value) {
        Long n = s.counts().get(x);
        // Mid-sentence the axis label starts lower case ("Tapaamiskerta" → "tapaamiskerta"), an abbreviation ("ORS…") stays.
        String axis = xLabel.length() > 1 && Character.isLowerCase(xLabel.charAt(1))
                ? Character.toLowerCase(xLabel.charAt(0)) + xLabel.substring(1) : xLabel;
        return n == null ? null : m.text("chart.point", s.label(), axis, xText(m, x), m.number(value, 1), m.count(n));
    }

    private String draw(Messages m) {
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            xlo = Math.min(xlo, s.points().firstKey());
            xhi = Math.max(xhi, s.points().lastKey());
            for (double y : s.points().values()) {
                ylo = Math.min(ylo, y);
                yhi = Math.max(yhi, y);
            }
        }
        for (Band b : bands) {
            for (double[] r : b.range().values()) {
                ylo = Math.min(ylo, r[0]);
                yhi = Math.max(yhi, r[1]);
            }
        }
        for (Marker mk : markers) {
            xlo = Math.min(xlo, mk.x());
            xhi = Math.max(xhi, mk.x());
        }
        Scale x = Scale.of(xlo, xhi, LEFT, W - RIGHT, wholeX ? (int) Math.min(10, Math.max(1, xhi - xlo)) : 6);
        Scale y = Scale.of(ylo, yhi, H - BOTTOM, TOP, 5);
        int extra = ROW * (int) series.stream().filter(sr -> !sr.counts().isEmpty()).count();
        Svg svg = new Svg(W, H + extra, title, description(m));
        for (double t : y.ticks()) {
            svg.line(LEFT, y.at(t), W - RIGHT, y.at(t), "stroke=\"#ddd\"");
            svg.text(LEFT - 6, y.at(t) + 4, m.number(t, y.decimals()), "end", "font-size=\"11\"");
        }
        for (double t : x.ticks()) {
            if (!wholeX || t == Math.rint(t)) {
                svg.line(x.at(t), H - BOTTOM, x.at(t), H - BOTTOM + 4, "stroke=\"#000\"");
                svg.text(x.at(t), H - BOTTOM + 16, wholeX ? Long.toString(Math.round(t)) : m.number(t, x.decimals()), "middle",
                        "font-size=\"11\"");
            }
        }
        svg.line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "stroke=\"#000\"").line(LEFT, TOP, LEFT, H - BOTTOM, "stroke=\"#000\"");
        counts(m, svg, x);
        svg.text((LEFT + W - RIGHT) / 2.0, H - BOTTOM + 34 + extra, xLabel, "middle", "font-size=\"12\"");
        svg.verticalText(16, (TOP + H - BOTTOM) / 2.0, yLabel);
        for (Band b : bands) {
            int n = b.range().size();
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            int i = 0;
            for (Map.Entry<Double, double[]> e : b.range().entrySet()) {
                xs[i] = x.at(e.getKey());
                ys[i] = y.at(e.getValue()[1]);
                xs[2 * n - 1 - i] = x.at(e.getKey());
                ys[2 * n - 1 - i] = y.at(e.getValue()[0]);
                i++;
            }
            svg.polygon(xs, ys, "fill=\"#ccc\" fill-opacity=\"0.6\" stroke=\"none\"");
        }
        for (Marker mk : markers) {
            svg.line(x.at(mk.x()), TOP, x.at(mk.x()), H - BOTTOM, "stroke=\"#000\" stroke-width=\"1\" stroke-dasharray=\"1 2\"");
            boolean right = x.at(mk.x()) > W - RIGHT - 110;
            svg.text(x.at(mk.x()) + (right ? -4 : 4), TOP + 12, mk.label(), right ? "end" : "start", "font-size=\"11\"");
        }
        for (Series s : series) {
            double[] xs = s.points().keySet().stream().mapToDouble(x::at).toArray();
            double[] ys = s.points().values().stream().mapToDouble(y::at).toArray();
            svg.polyline(xs, ys, s.style().stroke);
            int i = 0;
            for (Map.Entry<Double, Double> p : s.points().entrySet()) {
                marker(svg, s.style(), xs[i], ys[i], tip(m, s, p.getKey(), p.getValue()));
                i++;
            }
        }
        double lx = LEFT;
        double ly = H + extra - 22;
        for (Series s : series) {
            svg.line(lx, ly, lx + 26, ly, s.style().stroke);
            svg.text(lx + 30, ly + 4, s.label(), "start", "font-size=\"11\"");
            lx += 40 + 6.2 * s.label().length();
        }
        for (Band b : bands) {
            svg.rect(lx, ly - 6, 26, 12, "fill=\"#ccc\" stroke=\"#000\" stroke-width=\"1\"");
            svg.text(lx + 30, ly + 4, b.label(), "start", "font-size=\"11\"");
        }
        return svg.build();
    }
}
