package fi.polku.jobs.change;

import fi.polku.change.ChangeNorms;
import fi.polku.change.Direction;
import fi.polku.change.DomainChange;
import fi.polku.change.InstrumentParameters;
import fi.polku.change.PrePostMoments;
import fi.polku.change.RciMethod;
import fi.polku.change.ReliableChange;
import fi.polku.contract.Tables;
import fi.polku.ingest.LifeSituationRules;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * 3X10D domain change: all assessments of one case × episode × respondent become ten rows, one per domain,
 * with first and last rating, change and traffic-light transition, and the episode's count of domains
 * improved and worsened. Reliable change is assessed only when the config supplies a reliability (the
 * measure has none published), with the sample SD of the domain's first ratings.
 */
final class DomainRows {
    static final StructType SCHEMA = SparkSchemas.of(Tables.DOMAIN_CHANGE);
    static final List<String> NAMES = List.of("health", "resilience", "housing", "daily_coping", "family_and_close_ones",
            "friends", "finances", "developing_own_strengths", "self_esteem", "life_as_a_whole");
    /** The life_situation columns this class reads. */
    static final List<String> INPUT = input();
    static final String NOT_ASSESSED = "not_assessed: 3X10D has no published reliability (set change.life_situation_reliability)";

    private DomainRows() {
    }

    static Iterator<Row> of(Iterator<Row> assessments, InstrumentParameters parameters) {
        List<Row> rows = new ArrayList<>();
        assessments.forEachRemaining(rows::add);
        rows.sort(Comparator.comparingInt((Row r) -> r.<Integer>getAs("round")));
        List<DomainChange.Round> rounds = new ArrayList<>();
        for (Row r : rows) {
            List<Integer> ratings = new ArrayList<>();
            for (String d : LifeSituationRules.DOMAIN_COLUMNS) {
                ratings.add(r.getAs(d));
            }
            rounds.add(new DomainChange.Round(r.<Integer>getAs("round"), ratings));
        }
        int redMax = (int) parameters.require("3X10D", "traffic_light_red_max", null).value();
        int yellowMax = (int) parameters.require("3X10D", "traffic_light_yellow_max", null).value();
        List<DomainChange> changes = DomainChange.of(rounds, redMax, yellowMax);
        int improved = (int) changes.stream().filter(c -> c.change() != null && c.change() > 0).count();
        int worsened = (int) changes.stream().filter(c -> c.change() != null && c.change() < 0).count();
        Row first = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        boolean synthetic = rows.stream().anyMatch(r -> r.<Boolean>getAs("synthetic"));
        List<Row> out = new ArrayList<>();
        RowBuilder b = new RowBuilder(SCHEMA);
        for (DomainChange c : changes) {
            out.add(b.clear().set("case_id", first.getAs("case_id")).set("episode_id", first.getAs("episode_id"))
                    .set("region", first.getAs("region")).set("arm", first.getAs("arm"))
                    .set("respondent", first.getAs("respondent")).set("version", last.getAs("version"))
                    .set("domain", c.domain()).set("domain_name", NAMES.get(c.domain() - 1))
                    .set("rounds_answered", c.roundsAnswered()).set("first_round", c.firstRound())
                    .set("first_rating", c.firstRating()).set("last_round", c.lastRound()).set("last_rating", c.lastRating())
                    .set("change", c.change()).set("first_light", c.firstLight() == null ? null : c.firstLight().code())
                    .set("last_light", c.lastLight() == null ? null : c.lastLight().code()).set("transition", c.transition())
                    .set("rci_status", NOT_ASSESSED).set("episode_domains_improved", improved)
                    .set("episode_domains_worsened", worsened).set("synthetic", synthetic).build());
        }
        return out.iterator();
    }

    private static List<String> input() {
        List<String> columns = new ArrayList<>(List.of("case_id", "episode_id", "respondent", "region", "arm", "version",
                "round", "synthetic"));
        columns.addAll(LifeSituationRules.DOMAIN_COLUMNS);
        return List.copyOf(columns);
    }

    /** A domain row with reliable change assessed, given the reliability and the domain's sample norms. */
    static Row assess(Row row, double reliability, Map<Integer, PrePostMoments> norms, int minCases, Direction direction) {
        RowBuilder b = new RowBuilder(SCHEMA);
        for (String name : SCHEMA.fieldNames()) {
            b.set(name, row.getAs(name));
        }
        PrePostMoments m = norms.get(row.<Integer>getAs("domain"));
        if (row.isNullAt(row.fieldIndex("change"))) {
            return b.set("rci_status", "not_assessed: fewer than two answered rounds").build();
        }
        if (m == null || m.count() < minCases || !(m.preSd() > 0)) {
            return b.set("rci_status", "not_assessed: the domain's first-rating SD needs " + minCases + " complete cases").build();
        }
        ReliableChange jt = ReliableChange.of(RciMethod.JT,
                ChangeNorms.ofSd(m.preSd(), reliability, ChangeNorms.SdSource.SAMPLE_INTAKE), direction);
        double rci = jt.index(row.<Integer>getAs("first_rating"), row.<Integer>getAs("last_rating"));
        return b.set("rci", rci).set("rci_status", "assessed: JT, reliability " + reliability
                + " from the config, SD of " + m.count() + " first ratings").build();
    }
}
