package fi.polku.jobs.outcome;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.RandomEffectsPooling;
import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Random-effects pooling of g_av across the project's regions, per instrument × respondent × arm, from the
 * whole-period cells of {@code region_outcomes} that were published (status ok). DerSimonian–Laird and REML.
 */
final class PooledRows {
    static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.POOLED_EFFECTS);

    private PooledRows() {
    }

    static List<Row> of(List<Row> outcomes, Set<String> projectRegions) {
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Row r : outcomes) {
            if (ReportingPeriod.ALL_PERIODS.equals(r.getAs("period")) && projectRegions.contains(r.<String>getAs("region"))) {
                groups.computeIfAbsent(r.getAs("instrument") + "\u0000" + r.getAs("respondent") + "\u0000" + r.getAs("arm"),
                        g -> new ArrayList<>()).add(r);
            }
        }
        List<Row> out = new ArrayList<>();
        groups.forEach((key, rows) -> {
            String[] k = key.split("\u0000");
            rows.sort((a, b) -> a.<String>getAs("region").compareTo(b.getAs("region")));
            List<Row> usable = rows.stream().filter(r -> OutcomeCells.OK.equals(r.getAs("status"))).toList();
            boolean synthetic = rows.stream().anyMatch(r -> r.<Boolean>getAs("synthetic"));
            String regions = String.join(",", usable.stream().map(r -> r.<String>getAs("region")).toList());
            for (RandomEffectsPooling.Method method : RandomEffectsPooling.Method.values()) {
                RowBuilder b = new RowBuilder(SCHEMA).set("instrument", k[0]).set("respondent", k[1]).set("arm", k[2])
                        .set("measure", "g_av").set("method", method.name().toLowerCase(Locale.ROOT)).set("k", usable.size())
                        .set("regions", regions).set("synthetic", synthetic);
                if (usable.size() < 2) {
                    out.add(b.set("status", "fewer than 2 project regions with a published g_av (" + (rows.size() - usable.size())
                            + " left out: small or not estimable)").build());
                    continue;
                }
                double[] y = usable.stream().mapToDouble(r -> r.<Double>getAs("g_av")).toArray();
                double[] v = usable.stream().mapToDouble(r -> Math.pow(r.<Double>getAs("g_av_se"), 2)).toArray();
                RandomEffectsPooling.Result p = RandomEffectsPooling.pool(y, v, method);
                String status = rows.size() > usable.size() ? "ok; " + (rows.size() - usable.size())
                        + " region(s) left out: small or not estimable" : "ok";
                if (usable.size() < 5) {
                    status += "; with " + usable.size() + " regions tau2 is poorly estimated: read the prediction interval";
                }
                out.add(b.set("status", status).set("estimate", p.pooled().estimate()).set("se", p.pooled().se())
                        .set("ci_lower", p.pooled().lower()).set("ci_upper", p.pooled().upper()).set("p_value", p.pValue())
                        .set("tau2", p.tau2()).set("i2", p.i2()).set("q", p.q()).set("q_p_value", p.qP())
                        .set("prediction_lower", p.predictionLower()).set("prediction_upper", p.predictionUpper())
                        .set("fixed_estimate", p.fixed().estimate()).set("fixed_se", p.fixed().se()).build());
            }
        });
        return out;
    }
}
