package fi.polku.jobs.change;

import fi.polku.change.ChangeAssessor;
import fi.polku.change.ChangeNorms;
import fi.polku.change.ChangeSettings;
import fi.polku.change.CronbachAlpha;
import fi.polku.change.InstrumentParameters;
import fi.polku.change.PrePostMoments;
import fi.polku.change.ReliabilitySource;
import fi.polku.change.ReliableChange;
import fi.polku.change.SampleAlphas;
import fi.polku.contract.ChangeTables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of {@code change_reliability}: for every outcome instrument × age band of the run and every
 * reliability source, the rxx it gives (or why none), the sample α's n and Feldt interval, S1, and the JT
 * threshold in points — the numbers the methods text and the README print, computed from the run.
 */
final class ReliabilityRows {
    static final StructType SCHEMA = SparkSchemas.of(ChangeTables.CHANGE_RELIABILITY);
    /** A sample α whose 95 % Feldt interval is wider than this is flagged as resting on a small sample. */
    static final double WIDE_INTERVAL = 0.10;

    private ReliabilityRows() {
    }

    /**
     * @param keys instrument and age band pairs ({@link SampleAlphas#key}) of the run's outcome series
     */
    static List<Row> of(Set<String> keys, InstrumentParameters parameters, ChangeSettings settings,
                        Map<String, PrePostMoments> norms, SampleAlphas alphas, boolean synthetic) {
        List<Row> out = new ArrayList<>();
        RowBuilder b = new RowBuilder(SCHEMA);
        for (String key : keys) {
            String[] k = key.split("\u0000", -1);
            String instrument = k[0];
            String ageBand = k[1];
            ChangeAssessor chosen = new ChangeAssessor(parameters, settings, alphas);
            ReliabilitySource used = chosen.reliability(instrument, ageBand).source();
            PrePostMoments sample = norms.getOrDefault(Assessed.normKey(instrument, ageBand), PrePostMoments.create());
            Double sd = chosen.sd(instrument, ageBand, sample);
            Double cutoff = parameters.number(instrument, "clinical_cutoff", ageBand).map(InstrumentParameters.Sourced::value)
                    .orElse(null);
            for (ReliabilitySource source : ReliabilitySource.values()) {
                ChangeAssessor.Reliability r = chosen.descriptive(instrument, ageBand)
                        .map(why -> new ChangeAssessor.Reliability(null, source, why))
                        .orElseGet(() -> chosen.of(source, instrument, ageBand));
                b.clear().set("instrument", instrument).set("age_band", ageBand).set("reliability_source", source.code())
                        .set("chosen", source == used).set("rxx", r.value()).set("source", r.text())
                        .set("rci_method", settings.method().name()).set("rci_critical", settings.method().criticalValue())
                        .set("clinical_cutoff", cutoff).set("at_cutoff", settings.atCutoff().name().toLowerCase(Locale.ROOT))
                        .set("synthetic", synthetic);
                if (source.published()) {
                    parameters.parameter(instrument, source.parameter(), ageBand).ifPresent(p -> b.set("status", p.status()));
                } else {
                    b.set("status", "sample");
                    alphas.get(instrument, ageBand).ifPresent(a -> b.set("n", a.n()).set("alpha_lower", finite(a.lower()))
                            .set("alpha_upper", finite(a.upper())).set("warning", warning(a, settings.minSampleCases())));
                }
                if (sd != null && sd > 0) {
                    b.set("sd", sd).set("sd_source", settings.sdSource() == ChangeNorms.SdSource.NORM ? "norm"
                            : "sample_intake: SD of " + sample.count() + " complete cases' intake scores");
                    if (r.value() != null) {
                        double points = ReliableChange.of(settings.method(), ChangeNorms.ofSd(sd, r.value(), settings.sdSource()),
                                parameters.direction(instrument)).thresholdPoints();
                        b.set("threshold_points", Double.isFinite(points) ? points : null);
                    }
                }
                out.add(b.build());
            }
        }
        return out;
    }

    /**
     * Why a sample α needs care, or null: too few intakes to be used at all, or a 95 % Feldt interval wider
     * than {@value #WIDE_INTERVAL} (a small sample).
     */
    static String warning(CronbachAlpha.Estimate a, int minCases) {
        if (a.n() < minCases) {
            return "not used: " + a.n() + " intakes with all items, fewer than change.min_sample_cases " + minCases;
        }
        if (!(a.upper() - a.lower() <= WIDE_INTERVAL)) {
            return String.format(Locale.ROOT, "small sample: %d intakes, the %.0f %% Feldt interval %.3f-%.3f is wider than %.2f",
                    a.n(), a.level() * 100, a.lower(), a.upper(), WIDE_INTERVAL);
        }
        return null;
    }

    /** A column of one of this table's rows (built without a schema). */
    @SuppressWarnings("unchecked")
    static <T> T get(Row row, String column) {
        return (T) row.get(SCHEMA.fieldIndex(column));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
