package fi.polku.jobs.change;

import fi.polku.change.AllianceSummary;
import fi.polku.change.ExpectedResponse;
import fi.polku.change.InstrumentParameters;
import fi.polku.change.SeriesPoint;
import fi.polku.change.Trajectory;
import fi.polku.contract.ChangeTables;
import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.Instrument;
import fi.polku.contract.Tables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.GrowthMoments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-group work of the change stage: all sessions of one case × episode × respondent become one
 * trajectory row per instrument (with the matching alliance series' summary), carrying the expected-response
 * curves' data as two arrays: the curve session and the change since intake of every measured session after
 * intake. Pure engine calls; this class only moves values between rows and records.
 */
final class SeriesRows {
    /** Curve session ({@code ExpectedResponse.curveSession}) of each measured session after intake. */
    static final String OBS_SESSIONS = "obs_sessions";
    /** Change since intake of each measured session after intake, in the order of {@link #OBS_SESSIONS}. */
    static final String OBS_CHANGES = "obs_changes";
    /**
     * Prefix of the growth models' per-series sums: {@code growth_} + each column of
     * {@link ChangeTables#GROWTH_MOMENTS} after the series key (observations … synthetic); null without a
     * measured session.
     */
    static final String GROWTH = "growth_";
    /** The growth sums' columns of {@link ChangeTables#GROWTH_MOMENTS}: those after its series key. */
    static final List<Column> GROWTH_COLUMNS = ChangeTables.GROWTH_MOMENTS.columns().subList(
            ChangeTables.GROWTH_MOMENTS.indexOf("observations"), ChangeTables.GROWTH_MOMENTS.columns().size());
    /** Prefix of the intake's item columns ({@code intake_item1} …), for the sample's Cronbach's α. */
    static final String INTAKE_ITEM = "intake_item";
    static final int ITEMS = 4;

    /** The columns of one case × episode × respondent group. */
    static final List<String> GROUP = List.of("case_id", "episode_id", "respondent");
    /** The session columns this class reads. */
    static final List<String> INPUT = List.of("case_id", "episode_id", "respondent", "region", "arm", "age_band",
            "instrument", "session_no", "session_date", "total", "item1", "item2", "item3", "item4", "synthetic");

    /** The trajectory columns (assessment still empty), the intake items and the observation arrays. */
    static final StructType SCHEMA = schema();

    /** Which alliance instrument goes with an outcome instrument. */
    private static final Map<String, String> ALLIANCE = Map.of("ORS", "SRS", "CORS", "CSRS", "YCORS", "CSRS");

    private SeriesRows() {
    }

    static Iterator<Row> of(Iterator<Row> sessions, InstrumentParameters parameters) {
        Map<String, List<Row>> byInstrument = new TreeMap<>();
        while (sessions.hasNext()) {
            Row r = sessions.next();
            byInstrument.computeIfAbsent(r.getAs("instrument"), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        RowBuilder b = new RowBuilder(SCHEMA);
        for (Map.Entry<String, List<Row>> e : byInstrument.entrySet()) {
            String instrument = e.getKey();
            List<Row> rows = e.getValue();
            rows.sort(Comparator.comparingInt((Row r) -> r.<Integer>getAs("session_no")));
            Row first = rows.get(0);
            Trajectory t = Trajectory.of(points(rows));
            boolean outcome = Instrument.valueOf(instrument).kind() == Instrument.Kind.OUTCOME;
            String allianceInstrument = outcome ? ALLIANCE.get(instrument) : instrument;
            List<Row> allianceRows = byInstrument.get(allianceInstrument);
            AllianceSummary alliance = allianceRows == null ? null : AllianceSummary.of(points(allianceRows),
                    parameters.require(allianceInstrument, "alliance_cutoff", null).value(),
                    parameters.require(allianceInstrument, "alliance_drop", null).value());
            b.clear().set("case_id", first.getAs("case_id")).set("episode_id", first.getAs("episode_id"))
                    .set("region", first.getAs("region")).set("arm", first.getAs("arm"))
                    .set("respondent", first.getAs("respondent")).set("age_band", first.getAs("age_band"))
                    .set("instrument", instrument).set("meetings", t.meetings()).set("measured_sessions", t.measured())
                    .set("skipped_share", t.skippedShare()).set("first_date", t.firstDate()).set("last_date", t.lastDate())
                    .set("days_in_service", (int) t.daysInService()).set("single_measurement", t.singleMeasurement())
                    .set("intake_score", t.intake()).set("latest_score", t.latest())
                    .set("latest_session_no", t.latestSessionNo()).set("change", t.change())
                    .set("slope_per_session", t.slopePerSession()).set("slope_per_30_days", t.slopePer30Days())
                    .set("intake_band", outcome && t.intake() != null ? ExpectedResponse.band(t.intake()) : null)
                    .set("synthetic", rows.stream().anyMatch(r -> r.<Boolean>getAs("synthetic")));
            double[] items = outcome ? intakeItems(rows) : null;
            if (items != null) {
                for (int i = 0; i < ITEMS; i++) {
                    b.set(INTAKE_ITEM + (i + 1), items[i]);
                }
            }
            if (alliance != null) {
                b.set("alliance_instrument", allianceInstrument).set("alliance_sessions", alliance.sessions())
                        .set("alliance_mean", alliance.mean()).set("alliance_last", alliance.last())
                        .set("alliance_below_cutoff", alliance.belowCutoff()).set("alliance_drop", alliance.dropped());
            }
            if (outcome && t.intake() != null) {
                observations(b, rows, t.intake());
                growth(b, rows);
            }
            out.add(b.build());
        }
        return out.iterator();
    }

    /**
     * The curve session and change since intake of every measured session after intake (rows in session order),
     * for the expected-response curves: arrays in the trajectory's row, so the curves' data add no rows.
     */
    private static void observations(RowBuilder b, List<Row> rows, double intake) {
        List<Integer> sessions = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        boolean pastIntake = false;
        for (Row r : rows) {
            if (r.isNullAt(r.fieldIndex("total"))) {
                continue;
            }
            if (pastIntake) {
                sessions.add(ExpectedResponse.curveSession(r.<Integer>getAs("session_no")));
                changes.add(Math.round((r.<Double>getAs("total") - intake) * 100) / 100.0);
            }
            pastIntake = true;
        }
        b.set(OBS_SESSIONS, sessions.toArray(Integer[]::new)).set(OBS_CHANGES, changes.toArray(Double[]::new));
    }

    /**
     * The growth models' sums of the series' measured sessions (rows in session order): t = sessions since the
     * first measured session, y = the total; and whether any of those sessions is synthetic. Summed in session
     * order, as the outcomes stage summed them when it read the sessions itself.
     */
    private static void growth(RowBuilder b, List<Row> rows) {
        GrowthMoments m = GrowthMoments.create();
        boolean synthetic = false;
        double first = Double.NaN;
        for (Row r : rows) {
            if (r.isNullAt(r.fieldIndex("total"))) {
                continue;
            }
            int session = r.<Integer>getAs("session_no");
            if (m.count() == 0) {
                first = session;
            }
            m.accept(session - first, r.<Double>getAs("total"));
            synthetic |= r.<Boolean>getAs("synthetic");
        }
        b.set(GROWTH + "observations", m.count()).set(GROWTH + "time_sum", m.timeSum())
                .set(GROWTH + "time_squares", m.timeSquares()).set(GROWTH + "score_sum", m.scoreSum())
                .set(GROWTH + "time_score_sum", m.timeScoreSum()).set(GROWTH + "score_squares", m.sumOfSquares())
                .set(GROWTH + "synthetic", synthetic);
    }

    /** The four items of the first measured session, or null unless all four were recorded (Cronbach's α). */
    private static double[] intakeItems(List<Row> rows) {
        for (Row r : rows) {
            if (r.isNullAt(r.fieldIndex("total"))) {
                continue;
            }
            double[] items = new double[ITEMS];
            for (int i = 0; i < ITEMS; i++) {
                int at = r.fieldIndex("item" + (i + 1));
                if (r.isNullAt(at)) {
                    return null;
                }
                items[i] = r.getDouble(at);
            }
            return items;
        }
        return null;
    }

    /** Self-ratings (child, youth) and caregiver ratings move differently: separate curves. */
    static String rater(String respondent) {
        return respondent.equals("child") || respondent.equals("youth") ? "self" : "caregiver";
    }

    private static List<SeriesPoint> points(List<Row> rows) {
        List<SeriesPoint> points = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Double total = r.isNullAt(r.fieldIndex("total")) ? null : r.<Double>getAs("total");
            points.add(new SeriesPoint(r.<Integer>getAs("session_no"), r.<LocalDate>getAs("session_date"), total));
        }
        return points;
    }

    private static StructType schema() {
        List<Column> columns = new ArrayList<>();
        for (Column c : Tables.TRAJECTORIES.columns()) {
            columns.add(Column.optional(c.name(), c.type()));
        }
        for (int i = 1; i <= ITEMS; i++) {
            columns.add(Column.optional(INTAKE_ITEM + i, ColumnType.DOUBLE));
        }
        for (Column c : GROWTH_COLUMNS) {
            columns.add(Column.optional(GROWTH + c.name(), c.type()));
        }
        return SparkSchemas.of(columns)
                .add(OBS_SESSIONS, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
                .add(OBS_CHANGES, DataTypes.createArrayType(DataTypes.DoubleType, false), true);
    }
}
