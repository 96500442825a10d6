package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;

import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.outcome.ReportingPeriod;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The microdata rows the export leaves out so that no group size hidden in {@code region_outcomes} can be
 * counted from them. Every outcome trajectory lies in two rows of {@code region_outcomes} (region × instrument ×
 * respondent × arm: its intake period, and {@code all}); when either row's {@code n_episodes} is hidden by
 * disclosure control, the trajectory and its sessions (same episode, respondent and instrument) are not published:
 * the region table is the publication for that group. Every group the microdata still show is one whose size the
 * table shows, 0 or at least k, so holding both tells no group size the table hides (differences of periods stay
 * as protected as in the table, whose LP audit covers them). Within a shown group the microdata give each
 * trajectory's change and category, as microdata do: counts of categories and complete pairs inside a group of at
 * least k are attributes of a k-sized group, protected by the episodes' k-anonymity, not by the table's cell rule.
 * Other rows of the same episode (another respondent or instrument, 3X10D) stay.
 *
 * @param hiddenRows keys of region_outcomes rows whose n_episodes is hidden ({@link OutcomeDisclosure#rowsWithHiddenEpisodes})
 * @param periods    how region_outcomes cuts time
 */
record WithheldMicrodata(Set<String> hiddenRows, ReportingPeriod periods) implements Serializable {
    WithheldMicrodata {
        hiddenRows = new TreeSet<>(hiddenRows);
    }

    /** Whether a trajectory of this region, instrument, respondent and arm, with this intake date, is left out. */
    boolean withholds(String region, String instrument, String respondent, String arm, LocalDate intake) {
        return hiddenRows.contains(OutcomeDisclosure.key(region, instrument, respondent, arm, periods.label(intake)))
                || hiddenRows.contains(OutcomeDisclosure.key(region, instrument, respondent, arm, ReportingPeriod.ALL_PERIODS));
    }

    /** The (episode_id, respondent, instrument) of the trajectories left out, from the output's trajectories. */
    Dataset<Row> of(Dataset<Row> trajectories) {
        return trajectories.filter((FilterFunction<Row>) r -> withholds(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"),
                        r.getAs("arm"), r.getAs("first_date")))
                .select(col("episode_id"), col("respondent"), col("instrument")).distinct();
    }

    /** {@code rows} (sessions or trajectories, by episode, respondent and instrument) without the ones left out. */
    static Dataset<Row> without(Dataset<Row> rows, Dataset<Row> withheld) {
        Dataset<Row> w = withheld.toDF("w_episode", "w_respondent", "w_instrument");
        return rows.join(w, rows.col("episode_id").equalTo(w.col("w_episode")).and(rows.col("respondent").equalTo(w.col("w_respondent")))
                .and(rows.col("instrument").equalTo(w.col("w_instrument"))), "left_anti");
    }
}
