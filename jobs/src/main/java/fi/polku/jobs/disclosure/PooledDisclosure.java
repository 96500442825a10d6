package fi.polku.jobs.disclosure;

import fi.polku.outcome.ReportingPeriod;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * {@code pooled_effects} beside region_outcomes: a pooled row is published only when every region it pools shows
 * its whole-period measure and that measure's standard error in the published region_outcomes. The pooled
 * estimates are functions of the regions' effect sizes and their variances; the fixed-effect, DerSimonian–Laird
 * and REML rows with their τ², Q and I² are several equations in the same few unknowns, and an attack on the demo's
 * export (2026-12-01) solved them for the three hidden (g_av, SE) pairs of CORS child comparison. An effect size
 * resting on fewer than k cases is hidden by the primary rule, so a pooled figure must not bring it back.
 */
public final class PooledDisclosure {
    private PooledDisclosure() {
    }

    /** The rows of {@code pooled} whose every pooled region's measure is shown among {@code publishedOutcomes}. */
    public static List<Row> shown(List<Row> pooled, List<Row> publishedOutcomes) {
        Set<String> shown = new HashSet<>();
        for (Row r : publishedOutcomes) {
            // The pooled measure is g_av: a region's counts when its effect size and standard error are both shown.
            if (ReportingPeriod.ALL_PERIODS.equals(r.getAs("period")) && r.getAs("g_av") != null && r.getAs("g_av_se") != null) {
                shown.add(OutcomeDisclosure.key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm"),
                        ReportingPeriod.ALL_PERIODS) + "/g_av");
            }
        }
        return pooled.stream().filter(p -> regions(p).stream().allMatch(region -> shown.contains(OutcomeDisclosure.key(region,
                p.getAs("instrument"), p.getAs("respondent"), p.getAs("arm"), ReportingPeriod.ALL_PERIODS) + "/" + p.getAs("measure"))))
                .toList();
    }

    /** The regions a pooled row pools (its {@code regions} column, comma-separated). */
    private static List<String> regions(Row pooled) {
        String regions = pooled.getAs("regions");
        return regions == null || regions.isBlank() ? List.of() : List.of(regions.split(","));
    }
}
