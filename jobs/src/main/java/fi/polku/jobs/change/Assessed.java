package fi.polku.jobs.change;

import fi.polku.change.Assessment;
import fi.polku.change.ChangeAssessor;
import fi.polku.change.ChangeSettings;
import fi.polku.change.ExpectedResponse;
import fi.polku.change.InstrumentParameters;
import fi.polku.change.PrePostMoments;
import fi.polku.change.SampleAlphas;
import fi.polku.change.Trajectory;
import fi.polku.contract.Instrument;
import fi.polku.contract.Tables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Completes a trajectory row with its judgement: clinical status, reliable change and category by the
 * configured method and norms, and its place against the local expected response.
 */
final class Assessed {
    static final StructType SCHEMA = SparkSchemas.of(Tables.TRAJECTORIES);

    private final Judges judges;
    private final InstrumentParameters parameters;
    private final ChangeSettings settings;
    private final Map<String, ExpectedResponse.Point> curve;
    private final RowBuilder builder = new RowBuilder(SCHEMA);

    Assessed(InstrumentParameters parameters, ChangeSettings settings, Map<String, PrePostMoments> norms,
             SampleAlphas alphas, Map<String, ExpectedResponse.Point> curve) {
        this.judges = new Judges(new ChangeAssessor(parameters, settings, alphas), norms);
        this.parameters = parameters;
        this.settings = settings;
        this.curve = curve;
    }

    /** The key of a norms entry: instrument and age band. */
    static String normKey(String instrument, String ageBand) {
        return instrument + "\u0000" + ageBand;
    }

    /** The key of a curve point: instrument, rater, intake band, curve session. */
    static String curveKey(String instrument, String rater, String band, int session) {
        return instrument + "\u0000" + rater + "\u0000" + band + "\u0000" + session;
    }

    /** A trajectory row with every column of {@link #SCHEMA}, in its order, assessed. */
    Row assess(Row base) {
        RowBuilder b = builder.setAll(base); // every column overwritten: nothing left from the last row
        String instrument = base.getAs("instrument");
        b.set("rci_method", settings.method().name()).set("rci_critical", settings.method().criticalValue());
        if (Instrument.valueOf(instrument).kind() == Instrument.Kind.ALLIANCE) {
            return b.set("assessment_status", "not_applicable: alliance measure").set("etr_status", "not_applicable").build();
        }
        Trajectory t = trajectory(base);
        String ageBand = base.getAs("age_band");
        Assessment a = judges.of(instrument, ageBand).assess(t);
        b.set("clinical_cutoff", a.cutoff()).set("intake_clinical", a.intakeClinical()).set("latest_clinical", a.latestClinical())
                .set("rci", a.rci()).set("reliability", a.reliability()).set("reliability_source", a.reliabilitySource())
                .set("sd", a.sd()).set("sd_source", a.sdSource())
                .set("change_category", a.category() == null ? null : a.category().code())
                .set("assessment_status", a.status());
        ExpectedResponse.Point point = t.latestSessionNo() == null || t.intake() == null ? null
                : curve.get(curveKey(instrument, SeriesRows.rater(base.getAs("respondent")), ExpectedResponse.band(t.intake()),
                ExpectedResponse.curveSession(t.latestSessionNo())));
        ExpectedResponse.Status status = ExpectedResponse.status(point, t.change(), parameters.direction(instrument));
        b.set("etr_status", status.code());
        if (status != ExpectedResponse.Status.NOT_ENOUGH_DATA) {
            b.set("etr_expected_change", point.p50());
        }
        return b.build();
    }

    static Trajectory trajectory(Row r) {
        return new Trajectory(r.<Integer>getAs("meetings"), r.<Integer>getAs("measured_sessions"),
                r.<Double>getAs("skipped_share"), r.<LocalDate>getAs("first_date"), r.<LocalDate>getAs("last_date"),
                r.<Integer>getAs("days_in_service"), r.getAs("intake_score"), r.getAs("latest_score"),
                r.getAs("latest_session_no"), r.getAs("change"), r.getAs("slope_per_session"), r.getAs("slope_per_30_days"));
    }
}
