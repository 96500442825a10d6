package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.OutcomeDisclosureTest;
import fi.polku.jobs.spark.Sessions;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.privacy.DisclosureAudit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export's microdata beside region_outcomes, attacked as the independent attack on wave 2's export did: by
 * recounting categories of the published trajectories against the table's shown totals, and by reading the
 * alliance (SRS) trajectories of episodes whose outcome rows were left out. One constructed group (region 12, ORS,
 * parent, project arm; counts made up, consistent by construction): autumn 2024, 20 parents (6 recovered, 5
 * improved, 9 unchanged, change +4 each); autumn 2025, 15 parents (2 recovered, 4 improved, 9 unchanged, change +3
 * each); every parent also rated the alliance (SRS). No n_episodes is under k = 5, so the wave-2 rule (leave out the
 * trajectories of rows with a hidden n_episodes) published every record.
 */
class WithheldMicrodataTest {
    private static final int K = 5;
    private static final LocalDate AUTUMN_2024 = LocalDate.of(2024, 9, 2);
    private static final LocalDate AUTUMN_2025 = LocalDate.of(2025, 9, 1);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = Sessions.create("withheld-microdata-test", false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final StructType TRAJECTORY = new StructType().add("episode_id", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("instrument", DataTypes.StringType).add("respondent", DataTypes.StringType).add("arm", DataTypes.StringType)
            .add("first_date", DataTypes.DateType).add("intake_score", DataTypes.DoubleType).add("latest_score", DataTypes.DoubleType)
            .add("change", DataTypes.DoubleType).add("change_category", DataTypes.StringType);

    /** One term's parents: ORS trajectories with their categories in order, and an SRS trajectory each. */
    private static void term(List<Row> out, String prefix, LocalDate intake, double change, long... categories) {
        int n = 0;
        String[] names = {"recovered", "improved", "unchanged"};
        for (int c = 0; c < categories.length; c++) {
            for (int i = 0; i < categories[c]; i++) {
                String id = prefix + (n++);
                out.add(RowFactory.create(id, "12", "ORS", "parent", "project", intake, 20.0, 20.0 + change, change, names[c]));
                out.add(RowFactory.create(id, "12", "SRS", "parent", "project", intake, 36.0, 38.0, 2.0, null));
            }
        }
    }

    private static Dataset<Row> trajectories() {
        List<Row> rows = new ArrayList<>();
        term(rows, "a", AUTUMN_2024, 4.0, 6, 5, 9);
        term(rows, "b", AUTUMN_2025, 3.0, 2, 4, 9);
        return spark.createDataFrame(rows, TRAJECTORY);
    }

    private static List<Row> table() {
        return List.of(
                OutcomeDisclosureTest.row("project", "2024-autumn", 20, 20, new long[] {6, 5, 9, 0, 0}, 4.0),
                OutcomeDisclosureTest.row("project", "2025-autumn", 15, 15, new long[] {2, 4, 9, 0, 0}, 3.0),
                OutcomeDisclosureTest.row("project", "all", 35, 35, new long[] {8, 9, 18, 0, 0}, (20 * 4.0 + 15 * 3.0) / 35));
    }

    private static List<String> keys(List<Row> rows) {
        return rows.stream().map(r -> OutcomeDisclosure.key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm"),
                r.getAs("period"))).toList();
    }

    private static Dataset<Row> nothing(Dataset<Row> trajectories) {
        return trajectories.select("episode_id").limit(0);
    }

    @Test
    void categoryRecountsOfTheWave2MicrodataPinAHiddenCountAndTheChoiceStopsIt() {
        List<Row> rows = table();
        OutcomeDisclosure pages = OutcomeDisclosure.protect(rows, K);
        OutcomeDisclosure export = OutcomeDisclosure.protect(rows, K, pages);
        String recovered = "12|ORS|parent|project|2025-autumn/recovered";
        assertTrue(export.result().hidden().containsKey(recovered), "2 recovered in autumn 2025 is hidden in the table");
        assertTrue(export.rowsWithHiddenEpisodes().isEmpty(), "no group size is hidden: the wave-2 rule withheld nothing");
        Dataset<Row> trajectories = trajectories();

        // Wave 2's export: every record published. The recount pins the hidden 2 (and the LP audit says so).
        Dataset<Row> nothing = nothing(trajectories);
        DisclosureAudit.Result before = export.auditWithRecords(RecordRecount.of(trajectories, nothing, ReportingPeriod.TERM, keys(rows)), pages);
        assertFalse(before.passed());
        DisclosureAudit.Interval pinned = before.intervals().get(recovered);
        assertEquals(2, pinned.lower(), 1e-6, pinned.toString());
        assertEquals(2, pinned.upper(), 1e-6, pinned.toString());

        // The choice: every hidden figure keeps its protection against the records that remain.
        WithheldMicrodata.Choice choice = WithheldMicrodata.choose(trajectories, ReportingPeriod.TERM, export, pages, keys(rows), nothing(trajectories), List.of());
        assertTrue(choice.audit().passed(), choice.audit().failures().toString());
        assertTrue(choice.audit().intervals().containsKey(recovered));
        Set<String> withheld = Set.copyOf(choice.episodes().collectAsList().stream().map(r -> r.getString(0)).toList());
        // The two recovered parents of autumn 2025 (b0, b1) are never records.
        assertTrue(withheld.containsAll(Set.of("b0", "b1")), withheld.toString());
    }

    @Test
    void aWithheldEpisodeLeavesNoRowInAnyInstrument() {
        // Wave 2 withheld by episode, respondent and instrument: the SRS rows of withheld parents stayed and gave their
        // group back by counting. Now every row of a withheld episode goes, alliance rows included.
        List<Row> rows = table();
        OutcomeDisclosure pages = OutcomeDisclosure.protect(rows, K);
        OutcomeDisclosure export = OutcomeDisclosure.protect(rows, K, pages);
        Dataset<Row> trajectories = trajectories();
        WithheldMicrodata.Choice choice = WithheldMicrodata.choose(trajectories, ReportingPeriod.TERM, export, pages, keys(rows), nothing(trajectories), List.of());
        List<Row> published = WithheldMicrodata.without(trajectories, choice.episodes()).collectAsList();
        Set<String> withheld = Set.copyOf(choice.episodes().collectAsList().stream().map(r -> r.getString(0)).toList());
        assertFalse(withheld.isEmpty());
        for (Row r : published) {
            assertFalse(withheld.contains(r.<String>getAs("episode_id")), r.toString());
        }
        long srsOfAutumn2025 = published.stream().filter(r -> r.getAs("instrument").equals("SRS") && r.<String>getAs("episode_id").startsWith("b"))
                .count();
        assertEquals(0, srsOfAutumn2025);
    }
}
