package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.polku.jobs.spark.Sessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages' alliance, track and 3X10D rows with a figure under k, and the records that leave the microdata for
 * them. Constructed rows (k = 5): region 10 parents, 12 with SRS, 2 of them below the cutoff (the page hides 2 and
 * 10: the wave-2 microdata showed both flags on every record, so the 2 came back by counting); region 12 parents,
 * 10 with SRS, none below, none dropped, all on track (every figure 0 or at least 5: nothing hidden).
 */
class PageRowsWithheldTest {
    private static final int K = 5;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = Sessions.create("page-rows-withheld-test", false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final StructType TRAJECTORY = new StructType().add("episode_id", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("instrument", DataTypes.StringType).add("respondent", DataTypes.StringType).add("arm", DataTypes.StringType)
            .add("alliance_sessions", DataTypes.IntegerType).add("alliance_below_cutoff", DataTypes.BooleanType)
            .add("alliance_drop", DataTypes.BooleanType).add("etr_status", DataTypes.StringType);
    private static final StructType DOMAIN = new StructType().add("episode_id", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("arm", DataTypes.StringType).add("respondent", DataTypes.StringType).add("domain", DataTypes.IntegerType)
            .add("change", DataTypes.DoubleType);

    @Test
    void theRecordsOfARowWithASmallFigureLeaveAndNoOthers() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(RowFactory.create("a" + i, "10", "ORS", "parent", "project", 4, i < 2, false, "on_track"));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(RowFactory.create("b" + i, "12", "ORS", "parent", "project", 4, false, false, "on_track"));
        }
        Set<String> withheld = PageRowsWithheld.episodes(spark.createDataFrame(rows, TRAJECTORY), K).collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());
        assertEquals(12, withheld.size(), withheld.toString());
        assertEquals(12, withheld.stream().filter(id -> id.startsWith("a")).count());
    }

    @Test
    void aTrackRowWithThreeOffTrackLeaves() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(RowFactory.create("c" + i, "13", "ORS", "youth", "comparison", 0, null, null, i < 3 ? "off_track" : "on_track"));
        }
        assertEquals(20, PageRowsWithheld.episodes(spark.createDataFrame(rows, TRAJECTORY), K).count());
    }

    @Test
    void aDomainRowWithTwoWorseLeavesThatDomainOnly() {
        // Domain 1: 8 rated, 2 worse (hidden on the page); domain 2: the same 8, 8 better (shown).
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(RowFactory.create("d" + i, "20", "project", "parent", 1, i < 2 ? -1.0 : 1.0));
            rows.add(RowFactory.create("d" + i, "20", "project", "parent", 2, 1.0));
        }
        List<Row> kept = PageRowsWithheld.domainsPublishable(spark.createDataFrame(rows, DOMAIN), K).collectAsList();
        assertEquals(8, kept.size());
        assertEquals(Set.of(2), kept.stream().map(r -> r.<Integer>getAs("domain")).collect(Collectors.toSet()));
    }
}
