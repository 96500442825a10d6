package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.disclosure.DisclosureRefused;
import fi.polku.jobs.disclosure.SensitivitySeries;
import fi.polku.privacy.LinkedTables;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.privacy.DisclosureAudit;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The episodes the export leaves out of its microdata — every row of such an episode, in sessions, trajectories
 * (outcome and alliance) and domain change — so that the microdata and the region tables together tell no figure
 * the tables hide. The rule:
 * <ol>
 * <li>The cases of every figure of {@code region_outcomes} hidden on the pages or in the export are withheld: for
 * a hidden count or sum of a row, every episode with an outcome trajectory in the row (its intake period's or
 * {@code all}), since the row's complements (episodes without a complete pair, complete pairs without a category)
 * are published nowhere else; for a hidden category alone, the episodes of the row in that category. An equation of
 * the table then reads the same on the records left out as on the table, so the records add nothing to it.</li>
 * <li>The region table is then attacked with the records as well ({@link RecordRecount},
 * {@link OutcomeDisclosure#auditWithRecords}: every figure recounted from the published records is a known part of
 * its cell, and the rests keep the at-most relations and score bounds). While a hidden figure can be narrowed
 * below the protection, its row's episodes are withheld as well (and, if they already are, the whole group of the
 * row: region × instrument × respondent × arm, all periods), and the audit runs again.</li>
 * <li>If withholding cannot protect a figure, the export refuses ({@link DisclosureRefused}).</li>
 * </ol>
 * Episodes withheld for the pages' other small figures ({@link PageRowsWithheld}) are left out with them. Not in
 * the linear audit: what the scores imply about categories (a category is a band of change), and the pages' mean
 * scores by session (see the data dictionary's disclosure section).
 *
 * @param rows       keys of region_outcomes rows all of whose episodes are withheld ({@link OutcomeDisclosure#key})
 * @param categories per row key, the change categories whose episodes are withheld
 * @param periods    how region_outcomes cuts time
 */
record WithheldMicrodata(Set<String> rows, Map<String, Set<String>> categories, ReportingPeriod periods) implements Serializable {
    WithheldMicrodata {
        rows = new TreeSet<>(rows);
        categories = new TreeMap<>(categories);
    }

    /**
     * The outcome of the choice: the episodes withheld and the audit that passed with them.
     *
     * @param episodes   episode_id of every withheld episode (distinct)
     * @param rows       how many region_outcomes rows had all their episodes withheld
     * @param rounds     how many times the audit ran
     * @param audit      the last audit (passed)
     */
    record Choice(Dataset<Row> episodes, int rows, int rounds, DisclosureAudit.Result audit) {
    }

    /**
     * Chooses the withheld episodes for an export protected as {@code export}, published beside the pages'
     * {@code pages} (either may hide a figure the other shows; the audit attacks what both hide).
     *
     * @param rowKeys      keys of every region_outcomes row
     * @param alsoWithheld episode_id of episodes withheld for other figures ({@link PageRowsWithheld})
     * @param besidePages  figures the pages publish beside region_outcomes whose relations reach into it
     *                     ({@link SensitivitySeries#views()}), attacked with the records too
     * @throws DisclosureRefused if no choice protects every hidden figure
     */
    static Choice choose(Dataset<Row> trajectories, ReportingPeriod periods, OutcomeDisclosure export, OutcomeDisclosure pages,
                         Collection<String> rowKeys, Dataset<Row> alsoWithheld, List<LinkedTables> besidePages) {
        Set<String> rows = new TreeSet<>();
        Map<String, Set<String>> categories = new TreeMap<>();
        for (OutcomeDisclosure surface : List.of(export, pages)) {
            surface.hiddenFigures().forEach((row, figures) -> {
                for (String figure : figures) {
                    if (OutcomeTables.CATEGORIES.contains(figure)) {
                        categories.computeIfAbsent(row, x -> new TreeSet<>()).add(figure);
                    } else {
                        rows.add(row);
                    }
                }
            });
        }
        for (int round = 1; ; round++) {
            Dataset<Row> episodes = new WithheldMicrodata(rows, categories, periods).of(trajectories).union(alsoWithheld).distinct().cache();
            DisclosureAudit.Result audit = export.auditWithRecords(RecordRecount.of(trajectories, episodes, periods, rowKeys), pages, besidePages);
            if (audit.passed()) {
                return new Choice(episodes, rows.size(), round, audit);
            }
            Set<String> more = new TreeSet<>();
            for (DisclosureAudit.Interval f : audit.failures()) {
                String row = OutcomeDisclosure.rowOf(f.cell());
                more.add(rows.contains(row) ? whole(row) : row);
            }
            if (rows.containsAll(more)) {
                throw new DisclosureRefused("the export's microdata beside region_outcomes", audit);
            }
            rows.addAll(more);
            episodes.unpersist();
        }
    }

    /** The key of a row's whole-period row (its group, all periods). */
    private static String whole(String rowKey) {
        return rowKey.substring(0, rowKey.lastIndexOf('|') + 1) + ReportingPeriod.ALL_PERIODS;
    }

    /** Whether a trajectory of this region, instrument, respondent and arm, intake date and change category is withheld. */
    boolean withholds(String region, String instrument, String respondent, String arm, LocalDate intake, String category) {
        for (String period : List.of(periods.label(intake), ReportingPeriod.ALL_PERIODS)) {
            String key = OutcomeDisclosure.key(region, instrument, respondent, arm, period);
            if (rows.contains(key) || category != null && categories.getOrDefault(key, Set.of()).contains(category)) {
                return true;
            }
        }
        return false;
    }

    /** The episode_id of the episodes with a withheld trajectory. */
    Dataset<Row> of(Dataset<Row> trajectories) {
        return trajectories.filter((FilterFunction<Row>) r -> withholds(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"),
                        r.getAs("arm"), r.getAs("first_date"), r.getAs("change_category")))
                .select(col("episode_id")).distinct();
    }

    /** {@code rows} (any table with an episode_id) without the withheld episodes' rows. */
    static Dataset<Row> without(Dataset<Row> rows, Dataset<Row> episodes) {
        Dataset<Row> w = episodes.toDF("withheld_episode");
        return rows.join(w, rows.col("episode_id").equalTo(w.col("withheld_episode")), "left_anti");
    }
}
