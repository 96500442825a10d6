package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.same;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * On and off track against the local expected response (the {@code etr_curves} fitted from the run's data;
 * {@code trajectories.etr_status} at each episode's latest session): per headline series and arm, how many
 * episodes were judged and how many were on track (at or above the curve's 25th percentile), at risk (10th–25th)
 * and off track (below the 10th). The three add up to those judged; they go through the page's disclosure control
 * as parts of it, and the chart draws the shown shares only.
 */
final class TrackSection {
    /** The statuses counted, in order; {@code not_enough_data} and {@code not_applicable} are not judged. */
    static final List<String> STATUSES = List.of("on_track", "at_risk", "off_track");

    private TrackSection() {
    }

    /** Trajectories counted per region × instrument × respondent × arm by status, the judged ones only. */
    static Dataset<Row> counts(Dataset<Row> trajectories) {
        return trajectories.filter(col("etr_status").isin(STATUSES.toArray()))
                .groupBy("region", "instrument", "respondent", "arm")
                .agg(count("*").as("n"), sum(when(col("etr_status").equalTo("on_track"), 1).otherwise(0)).as("on_track"),
                        sum(when(col("etr_status").equalTo("at_risk"), 1).otherwise(0)).as("at_risk"),
                        sum(when(col("etr_status").equalTo("off_track"), 1).otherwise(0)).as("off_track"))
                .orderBy("region", "instrument", "respondent", "arm");
    }

    /** The region page's section: a table of counts and a chart of the shown shares. */
    static Page.Section region(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.track"), m.text("col.respondent"), m.text("col.arm"), m.text("col.njudged"),
                m.text("track.on_track"), m.text("track.at_risk"), m.text("track.off_track"));
        List<String> legend = STATUSES.stream().map(s -> m.text("track." + s)).toList();
        StackedBars bars = new StackedBars(m.text("section.track"), legend, m.text("category.suppressed"));
        for (List<String> series : OverviewPage.HEADLINE) {
            for (String arm : List.of("project", "comparison")) {
                for (Row r : c.data().track()) {
                    if (same(r, "region", region) && same(r, "instrument", series.get(0)) && same(r, "respondent", series.get(1))
                            && same(r, "arm", arm)) {
                        row(c, t, bars, OverviewPage.seriesLabel(m, series), arm, r);
                    }
                }
            }
        }
        Page.Section section = new Page.Section("track", m.text("section.track")).intro(m.text("section.track.intro", c.disclosure().k()));
        if (!bars.isEmpty()) {
            section.chart(bars.svg(m), m.text("section.track"));
        }
        return t.isEmpty() ? section : section.table(t);
    }

    private static void row(ReportContext c, HtmlTable t, StackedBars bars, String label, String arm, Row r) {
        Messages m = c.m();
        long n = l(r, "n");
        Map<String, Long> parts = new LinkedHashMap<>();
        STATUSES.forEach(s -> parts.put(s, l(r, s)));
        Map<String, HtmlTable.Cell> cells = c.disclosure().parts(n, List.of(parts));
        t.row(HtmlTable.Cell.text(label), HtmlTable.Cell.text(m.text("arm." + arm)), cells.get(""), cells.get("on_track"),
                cells.get("at_risk"), cells.get("off_track"));
        if (cells.get("").suppressed() || n == 0) {
            return;
        }
        List<StackedBars.Segment> segments = new ArrayList<>();
        double shown = 0;
        for (String s : STATUSES) {
            if (!cells.get(s).suppressed() && parts.get(s) > 0) {
                double share = parts.get(s) / (double) n;
                segments.add(new StackedBars.Segment(m.text("track." + s), share));
                shown += share;
            }
        }
        if (1 - shown > 1e-9) {
            segments.add(new StackedBars.Segment(m.text("category.suppressed"), 1 - shown));
        }
        bars.bar(label + ", " + m.text("arm." + arm) + " (n " + m.count(n) + ")", segments);
    }
}
