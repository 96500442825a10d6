package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.s;

import fi.polku.contract.VariationTables;
import fi.polku.jobs.disclosure.RateDisclosure;
import fi.polku.jobs.pipeline.SmallTables;
import fi.polku.jobs.pipeline.StageRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The overview's regional-variation section: the funnel plot of the key indicator (13–17-year-olds in an
 * emergency placement, counties, latest year), the areas outside its limits, and the coefficient of variation
 * between counties and between municipalities by year with its trend. Self-contained: it reads its own tables.
 */
final class VariationSection {
    static final String INDICATOR = "emergency_placements";
    static final String AGE = "13-17";
    private static final int W = 640;
    private static final int H = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 70;

    /**
     * The rows the section shows: the key indicator's county funnel (national scope), its CV by year and trend at
     * both levels, and the municipal funnels within each county (for the region pages); {@code withheld}, the CV rows
     * left out because some area's count is hidden (for the footnote).
     */
    record Data(List<Row> points, List<Row> limits, List<Row> years, List<Row> trends, List<Row> municipalPoints,
                List<Row> municipalLimits, List<Row> withheld) {
        Data(List<Row> points, List<Row> limits, List<Row> years, List<Row> trends, List<Row> municipalPoints,
             List<Row> municipalLimits) {
            this(points, limits, years, trends, municipalPoints, municipalLimits, List.of());
        }

        /**
         * The same rows without the funnel points whose count {@code rates} hides (rate and population give it back),
         * the municipal limits around a county rate whose count is hidden, and the CV of a level and year where some
         * area's count is hidden: it is computed over every area, hidden ones too, so with the shown rates and
         * populations one equation (two roots at most) gives a lone hidden rate back, and with the linear sums beside
         * it more than one. A level's trend (a slope over its yearly CVs) goes with any of its years.
         */
        Data without(RateDisclosure rates) {
            List<Row> shownYears = new ArrayList<>();
            List<Row> left = new ArrayList<>(withheld);
            for (Row r : years) {
                boolean municipal = "municipality".equals(s(r, "level"));
                boolean hidden = rates.anyHidden(municipal, s(r, "indicator"), s(r, "age_group"), ((Number) r.getAs("year")).intValue());
                (hidden ? left : shownYears).add(r);
            }
            List<Row> shownTrends = trends.stream().filter(t -> left.stream().noneMatch(r -> s(r, "level").equals(s(t, "level")))).toList();
            return new Data(poissonWhereHidden(shown(points, "region", rates), false, rates),
                    poissonWhereHidden(limits, false, rates), shownYears, shownTrends,
                    poissonWhereHidden(shown(municipalPoints, "region", rates), true, rates),
                    poissonWhereHidden(shown(municipalLimits, "parent_region", rates), true, rates), left);
        }

        /**
         * Funnel rows (points or limits) of a level and year where some area's count is hidden, with the Poisson limits
         * in place of the overdispersed ones: φ and τ² are computed over every area, hidden ones too, so they (printed
         * in the method line, and drawn as the limits' width) would give a hidden rate back as the CV would. The
         * Poisson limits rest on the reference rate alone; a point's band is read against them.
         */
        private static List<Row> poissonWhereHidden(List<Row> rows, boolean municipal, RateDisclosure rates) {
            List<Row> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                // Without an adjustment the limits in use are the Poisson ones already, but φ, τ² and the number of areas
                // still stand in the method line: it is replaced all the same.
                if (!rates.anyHidden(municipal, s(r, "indicator"), s(r, "age_group"), ((Number) r.getAs("year")).intValue())) {
                    out.add(r);
                    continue;
                }
                Object[] values = new Object[r.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(i);
                }
                java.util.function.BiConsumer<String, Object> set = (column, value) -> values[r.fieldIndex(column)] = value;
                for (String limit : List.of("lower95", "upper95", "lower998", "upper998")) {
                    set.accept(limit, r.getAs("poisson_" + limit));
                }
                set.accept("adjustment", "none");
                if (java.util.Arrays.asList(r.schema().fieldNames()).contains("band")) {
                    double rate = d(r, "rate_per_1000");
                    String band = rate > d(r, "poisson_upper998") ? "above_998" : rate > d(r, "poisson_upper95") ? "above_95"
                            : rate < d(r, "poisson_lower998") ? "below_998" : rate < d(r, "poisson_lower95") ? "below_95" : "within";
                    set.accept("band", band);
                    set.accept("outside_95", !band.equals("within"));
                    set.accept("outside_998", band.endsWith("998"));
                    set.accept("phi", null);
                    set.accept("tau2", null);
                    String method = s(r, "method");
                    int reference = method.indexOf("; reference");
                    set.accept("method", POISSON_ONLY + (reference < 0 ? "" : method.substring(reference)));
                }
                out.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, r.schema()));
            }
            return out;
        }

        private static List<Row> shown(List<Row> rows, String area, RateDisclosure rates) {
            return rows.stream().filter(r -> !rates.hidden(r.getAs(area), r.getAs("indicator"), r.getAs("age_group"),
                    ((Number) r.getAs("year")).intValue())).toList();
        }
    }

    /** The method line of a funnel drawn with Poisson limits because an area of its level and year is hidden. */
    static final String POISSON_ONLY = "Poisson limits without overdispersion adjustment: an area of this level and year is"
            + " hidden, and phi and tau2, computed over every area, would give its count back";

    private VariationSection() {
    }

    static Data collect(StageRun run) {
        return new Data(SmallTables.query(run, VariationTables.FUNNEL_POINTS, t -> key(t).and(level(t, "county")), "year", "region"),
                SmallTables.query(run, VariationTables.FUNNEL_LIMITS, t -> key(t).and(level(t, "county")), "year", "population"),
                SmallTables.query(run, VariationTables.VARIATION_BY_YEAR, t -> key(t).and(cv(t)), "level", "year"),
                SmallTables.query(run, VariationTables.VARIATION_TREND, t -> key(t).and(cv(t)), "level"),
                SmallTables.query(run, VariationTables.FUNNEL_POINTS, VariationSection::withinCounties, "parent_region", "year", "region"),
                SmallTables.query(run, VariationTables.FUNNEL_LIMITS, VariationSection::withinCounties, "parent_region", "year",
                        "population"));
    }

    /** The key indicator's rows of national scope. */
    private static Selection key(Table t) {
        return t.stringColumn("indicator").isEqualTo(INDICATOR).and(t.stringColumn("age_group").isEqualTo(AGE))
                .and(t.stringColumn("scope").isEqualTo("national"));
    }

    /** The key indicator's municipal rows within each county. */
    private static Selection withinCounties(Table t) {
        return t.stringColumn("indicator").isEqualTo(INDICATOR).and(t.stringColumn("age_group").isEqualTo(AGE))
                .and(t.stringColumn("scope").isEqualTo("county")).and(level(t, "municipality"));
    }

    private static Selection level(Table t, String level) {
        return t.stringColumn("level").isEqualTo(level);
    }

    private static Selection cv(Table t) {
        return t.stringColumn("measure").isEqualTo("cv");
    }

    /** A region page's section: the municipal funnel within the county for the latest year, if there is one. */
    static Page.Section municipal(ReportContext c, Data data, String region) {
        Messages m = c.m();
        Page.Section section = new Page.Section("municipal-variation", m.text("variation.municipal"))
                .intro(m.text("variation.municipal.intro"));
        List<Row> points = data.municipalPoints().stream().filter(r -> region.equals(s(r, "parent_region"))).toList();
        int year = points.stream().mapToInt(r -> ((Number) r.getAs("year")).intValue()).max().orElse(-1);
        if (year < 0) {
            return section.paragraph(m.text("variation.municipal.none"));
        }
        List<Row> latest = points.stream().filter(r -> ((Number) r.getAs("year")).intValue() == year).toList();
        List<Row> limits = data.municipalLimits().stream()
                .filter(r -> region.equals(s(r, "parent_region")) && ((Number) r.getAs("year")).intValue() == year).toList();
        String title = m.text("variation.municipal.title", m.textOr("indicator." + INDICATOR, INDICATOR), c.regionName(region),
                Integer.toString(year));
        section.chart(funnel(c, title, latest, limits), title).paragraph(m.text("variation.funnel.caption"), s(latest.get(0), "method"), "en");
        long outside = latest.stream().filter(r -> Boolean.TRUE.equals(r.getAs("outside_95"))).count();
        return section.paragraph(m.text("variation.municipal.outside", Long.toString(outside), Integer.toString(latest.size())));
    }

    static Page.Section build(ReportContext c, Data data) {
        Messages m = c.m();
        Page.Section section = new Page.Section("variation", m.text("section.variation")).intro(m.text("section.variation.intro"));
        int year = data.points().stream().mapToInt(r -> ((Number) r.getAs("year")).intValue()).max().orElse(-1);
        if (year < 0) {
            return section.paragraph(m.text("variation.none"));
        }
        List<Row> points = data.points().stream().filter(r -> ((Number) r.getAs("year")).intValue() == year).toList();
        List<Row> limits = data.limits().stream().filter(r -> ((Number) r.getAs("year")).intValue() == year).toList();
        String title = m.text("variation.funnel.title", m.textOr("indicator." + INDICATOR, INDICATOR), Integer.toString(year));
        section.chart(funnel(c, title, points, limits), title).paragraph(m.text("variation.funnel.caption"), s(points.get(0), "method"), "en");
        HtmlTable outside = new HtmlTable(m.text("variation.outliers"), m.text("col.region"), m.text("variation.col.rate"),
                m.text("variation.col.limits"), m.text("variation.col.band"));
        for (Row r : points) {
            if (Boolean.TRUE.equals(r.getAs("outside_95"))) {
                outside.row(HtmlTable.Cell.text(c.regionName(s(r, "region"))), HtmlTable.Cell.number(m.number(d(r, "rate_per_1000"), 1)),
                        HtmlTable.Cell.text(m.number(d(r, "lower95"), 1) + "–" + m.number(d(r, "upper95"), 1)),
                        HtmlTable.Cell.text(m.text("variation.band." + s(r, "band"))));
            }
        }
        section.table(outside);
        LineChart trend = new LineChart(m.text("variation.cv.title"), m.text("chart.year"), m.text("variation.cv.axis")).wholeX();
        for (String level : List.of("county", "municipality")) {
            Map<Double, Double> cv = new TreeMap<>();
            Map<Double, double[]> band = new TreeMap<>();
            for (Row r : data.years()) {
                if (level.equals(s(r, "level")) && d(r, "value") != null) {
                    double y = ((Number) r.getAs("year")).doubleValue();
                    cv.put(y, d(r, "value"));
                    if (d(r, "ci_lower") != null && d(r, "ci_upper") != null) {
                        band.put(y, new double[] {d(r, "ci_lower"), d(r, "ci_upper")});
                    }
                }
            }
            trend.series(m.text("variation.level." + level), cv, level.equals("county") ? LineChart.Style.SOLID : LineChart.Style.DASHED);
            if (level.equals("county")) {
                trend.band(m.text("variation.cv.band"), band);
            }
        }
        if (!trend.isEmpty()) {
            section.chart(trend.svg(m), m.text("variation.cv.title"));
        }
        for (Row t : data.trends()) {
            section.paragraph(m.text("variation.trend", m.text("variation.level." + s(t, "level")), s(t, "first_year"), s(t, "last_year"),
                    m.interval(d(t, "slope_per_year"), d(t, "ci_lower"), d(t, "ci_upper"), 3),
                    m.text("variation.direction." + s(t, "direction").replace(' ', '_'))));
        }
        for (String level : List.of("county", "municipality")) {
            List<Integer> withheld = data.withheld().stream().filter(r -> level.equals(s(r, "level")))
                    .map(r -> ((Number) r.getAs("year")).intValue()).distinct().sorted().toList();
            if (!withheld.isEmpty()) {
                section.paragraph(m.text("variation.cv.withheld", m.text("variation.level." + level), years(withheld)));
            }
        }
        return section;
    }

    /** Sorted years as runs: 2015–2019, 2022. */
    private static String years(List<Integer> sorted) {
        List<String> runs = new ArrayList<>();
        int start = sorted.get(0);
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i) != sorted.get(i - 1) + 1) {
                int end = sorted.get(i - 1);
                runs.add(start == end ? Integer.toString(start) : start + "–" + end);
                if (i < sorted.size()) {
                    start = sorted.get(i);
                }
            }
        }
        return String.join(", ", runs);
    }

    /** Rates against population with the limits in use (95 % dashed, 99.8 % dotted) and the reference rate. */
    /** The funnel plot with its description and its areas as a table (rate, population, 95 % limits, band). */
    private static Chart funnel(ReportContext c, String title, List<Row> points, List<Row> limits) {
        Messages m = c.m();
        String description = m.text("chart.desc.funnel", m.text("chart.rate"), m.text("variation.funnel.x"));
        HtmlTable table = new HtmlTable(title, m.text("col.region"), m.text("variation.funnel.x"), m.text("variation.col.rate"),
                m.text("variation.col.limits"), m.text("variation.col.band"));
        for (Row r : points) {
            table.row(HtmlTable.Cell.text(c.regionName(s(r, "region"))), HtmlTable.Cell.number(m.number((double) l(r, "population"), 0)),
                    HtmlTable.Cell.number(m.number(d(r, "rate_per_1000"), 1)),
                    HtmlTable.Cell.text(m.number(d(r, "lower95"), 1) + "–" + m.number(d(r, "upper95"), 1)),
                    HtmlTable.Cell.text(m.text("variation.band." + s(r, "band"))));
        }
        return new Chart(draw(m, title, description, points, limits), description, table);
    }

    private static String draw(Messages m, String title, String description, List<Row> points, List<Row> limits) {
        double xhi = limits.stream().mapToDouble(r -> d(r, "population")).max().orElse(1);
        double ylo = 0;
        double yhi = 0;
        for (Row r : points) {
            yhi = Math.max(yhi, d(r, "rate_per_1000"));
        }
        for (Row r : limits) {
            yhi = Math.max(yhi, Math.min(d(r, "upper998"), 3 * d(r, "reference_rate_per_1000")));
        }
        Scale x = Scale.of(0, xhi, LEFT, W - RIGHT, 6);
        Scale y = Scale.of(ylo, yhi, H - BOTTOM, TOP, 5);
        Svg svg = new Svg(W, H, title, description);
        for (double t : y.ticks()) {
            svg.line(LEFT, y.at(t), W - RIGHT, y.at(t), "stroke=\"#ddd\"");
            svg.text(LEFT - 6, y.at(t) + 4, m.number(t, y.decimals()), "end", "font-size=\"11\"");
        }
        for (double t : x.ticks()) {
            svg.line(x.at(t), H - BOTTOM, x.at(t), H - BOTTOM + 4, "stroke=\"#000\"");
            svg.text(x.at(t), H - BOTTOM + 16, m.number(t, 0), "middle", "font-size=\"11\"");
        }
        svg.line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "stroke=\"#000\"").line(LEFT, TOP, LEFT, H - BOTTOM, "stroke=\"#000\"");
        svg.text((LEFT + W - RIGHT) / 2.0, H - BOTTOM + 34, m.text("variation.funnel.x"), "middle", "font-size=\"12\"");
        svg.verticalText(16, (TOP + H - BOTTOM) / 2.0, m.text("chart.rate"));
        String[][] lines = {{"lower95", "upper95", "stroke=\"#444\" stroke-width=\"1.5\" stroke-dasharray=\"7 4\""},
            {"lower998", "upper998", "stroke=\"#666\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\""}};
        for (String[] l : lines) {
            for (String column : List.of(l[0], l[1])) {
                List<double[]> xy = new ArrayList<>();
                for (Row r : limits) {
                    double v = d(r, column);
                    if (v <= y.max) {
                        xy.add(new double[] {x.at(d(r, "population")), y.at(v)});
                    }
                }
                svg.polyline(xy.stream().mapToDouble(p -> p[0]).toArray(), xy.stream().mapToDouble(p -> p[1]).toArray(), l[2]);
            }
        }
        double theta = d(limits.get(0), "reference_rate_per_1000");
        svg.line(LEFT, y.at(theta), W - RIGHT, y.at(theta), "stroke=\"#000\" stroke-width=\"1.2\"");
        for (Row r : points) {
            boolean out = Boolean.TRUE.equals(r.getAs("outside_95"));
            svg.circle(x.at(l(r, "population")), y.at(d(r, "rate_per_1000")), 3.5,
                    out ? "fill=\"#000\"" : "fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.2\"");
        }
        double ly = H - 14;
        svg.line(LEFT, ly, LEFT + 26, ly, lines[0][2]).text(LEFT + 30, ly + 4, m.text("variation.legend.95"), "start", "font-size=\"11\"");
        svg.line(LEFT + 170, ly, LEFT + 196, ly, lines[1][2]).text(LEFT + 200, ly + 4, m.text("variation.legend.998"), "start", "font-size=\"11\"");
        svg.circle(LEFT + 350, ly, 3.5, "fill=\"#000\"").text(LEFT + 358, ly + 4, m.text("variation.legend.outside"), "start", "font-size=\"11\"");
        return svg.build();
    }
}
