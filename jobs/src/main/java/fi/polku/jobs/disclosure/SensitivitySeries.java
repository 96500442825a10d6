package fi.polku.jobs.disclosure;

import fi.polku.change.ReliabilitySource;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * Every series of {@code change_sensitivity} (region × instrument × respondent × arm, whole period) as one surface
 * publishes it beside its region_outcomes rows: each series under {@link SensitivityDisclosure}, then all of them
 * attacked together with region_outcomes ({@link OutcomeDisclosure#auditBeside}): a series' reliabilities are ordered
 * and add up to the whole-period row's {@code n_assessed}, which links them to the terms, arms and regions that row
 * is part of. A series whose figures still narrow a hidden one has every share hidden, and the audit runs again. The
 * pages and the export (which attacks the pages' figures with its records) build it alike, so both see the same
 * shares.
 */
public final class SensitivitySeries {
    private final Map<String, SensitivityDisclosure> byRow;
    private final DisclosureAudit.Result audit;

    private SensitivitySeries(Map<String, SensitivityDisclosure> byRow, DisclosureAudit.Result audit) {
        this.byRow = byRow;
        this.audit = audit;
    }

    /**
     * Protects the whole-period rows of {@code change_sensitivity} beside region_outcomes as {@code outcomes}
     * publishes it, at {@code k}.
     *
     * @throws DisclosureRefused if hiding every share of the series involved still leaves a figure narrowed
     */
    public static SensitivitySeries protect(List<Row> sensitivity, OutcomeDisclosure outcomes, int k) {
        Map<String, Row> outcomeRows = new LinkedHashMap<>();
        outcomes.published().forEach(r -> outcomeRows.put(OutcomeDisclosure.key(r), r));
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (Row r : sensitivity) {
            if (ReportingPeriod.ALL_PERIODS.equals(r.getAs("period"))) {
                String key = OutcomeDisclosure.key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm"),
                        ReportingPeriod.ALL_PERIODS);
                if (outcomeRows.containsKey(key)) {
                    rows.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
                }
            }
        }
        // Each series in the reliabilities' order (the pages' order; ties in suppression go to the first cell added).
        rows.values().forEach(series -> series.sort(java.util.Comparator.comparingInt(SensitivitySeries::order)));
        Set<String> hideAll = new TreeSet<>();
        while (true) {
            Map<String, SensitivityDisclosure> byRow = new LinkedHashMap<>();
            rows.forEach((key, series) -> byRow.put(key, SensitivityDisclosure.protect(series, outcomeRows.get(key), k, hideAll.contains(key))));
            DisclosureAudit.Result audit = outcomes.auditBeside(views(byRow));
            if (audit.passed()) {
                return new SensitivitySeries(byRow, audit);
            }
            // A narrowed figure's series (a term row's is its whole-period row's); if that does not help, every series.
            Set<String> more = new TreeSet<>();
            audit.failures().forEach(f -> more.add(whole(OutcomeDisclosure.rowOf(f.cell()))));
            more.retainAll(rows.keySet());
            if (hideAll.containsAll(more)) {
                if (hideAll.containsAll(rows.keySet())) {
                    throw new DisclosureRefused("change_sensitivity beside region_outcomes", audit);
                }
                more.addAll(rows.keySet());
            }
            hideAll.addAll(more);
        }
    }

    private static int order(Row r) {
        for (ReliabilitySource source : ReliabilitySource.values()) {
            if (source.code().equals(r.getAs("reliability_source"))) {
                return source.ordinal();
            }
        }
        return ReliabilitySource.values().length;
    }

    private static String whole(String rowKey) {
        return rowKey.substring(0, rowKey.lastIndexOf('|') + 1) + ReportingPeriod.ALL_PERIODS;
    }

    private static List<LinkedTables> views(Map<String, SensitivityDisclosure> byRow) {
        return byRow.entrySet().stream().map(e -> e.getValue().view(e.getKey())).toList();
    }

    /** The series' control, by its region_outcomes whole-period row's key; null when no series is published there. */
    public SensitivityDisclosure of(String region, String instrument, String respondent, String arm) {
        return byRow.get(OutcomeDisclosure.key(region, instrument, respondent, arm, ReportingPeriod.ALL_PERIODS));
    }

    /** Every series as linked tables named as region_outcomes' cells ({@link SensitivityDisclosure#view}). */
    public List<LinkedTables> views() {
        return views(byRow);
    }

    /** The joint audit that passed. */
    public DisclosureAudit.Result audit() {
        return audit;
    }
}
