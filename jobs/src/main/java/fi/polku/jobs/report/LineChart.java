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

    record Series(String label, TreeMap<Double, Double> points, Style style) {
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
        if (!points.isEmpty()) {
            series.add(new Series(label, new TreeMap<>(points), style));
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
        return text;
    }

    private String xText(Messages m, double x) {
        return wholeX && x == Math.rint(x) ? Long.toString(Math.round(x)) : m.number(x, wholeX ? 2 : 1);
    }

    private HtmlTable data(Messages m) {
        List<String> headers = new ArrayList<>(List.of(xLabel));
        series.forEach(s -> headers.add(s.label()));
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
            series.forEach(s -> cells.add(HtmlTable.Cell.number(m.number(s.points().get(x), 1))));
            for (Band b : bands) {
                double[] r = b.range().get(x);
                cells.add(HtmlTable.Cell.number(r == null ? "–" : m.number(r[0], 1)));
                cells.add(HtmlTable.Cell.number(r == null ? "–" : m.number(r[1], 1)));
            }
            table.row(cells.toArray(HtmlTable.Cell[]::new));
        }
        return table;
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
        Svg svg = new Svg(W, H, title, description(m));
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
        svg.text((LEFT + W - RIGHT) / 2.0, H - BOTTOM + 34, xLabel, "middle", "font-size=\"12\"");
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
            for (int i = 0; i < xs.length; i++) {
                if (s.style().marker.equals("circle")) {
                    svg.circle(xs[i], ys[i], 3.2, "fill=\"#000\"");
                } else if (s.style().marker.equals("square")) {
                    svg.rect(xs[i] - 3, ys[i] - 3, 6, 6, "fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.5\"");
                }
            }
        }
        double lx = LEFT;
        double ly = H - 22;
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
