package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.same;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The national level of a rate, for the line drawn on every rate chart: per year, the counties' counts over their
 * populations (Σ count / Σ population × 1 000), from the same {@code region_rates} rows the charts draw. A year in
 * which some county has no row is left out, so a partial sum is never shown as the country's rate.
 */
final class NationalLevel {
    private NationalLevel() {
    }

    /** Year → national rate per 1 000 of one indicator (the rows are of one age group, counties only). */
    static Map<Double, Double> of(Iterable<Row> rates, String indicator) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (Row r : rates) {
            if (!same(r, "indicator", indicator) || r.getAs("population") == null) {
                continue;
            }
            double[] s = sums.computeIfAbsent(((Number) r.getAs("year")).intValue(), y -> new double[3]);
            s[0] += ((Number) r.getAs("count")).doubleValue();
            s[1] += ((Number) r.getAs("population")).doubleValue();
            s[2]++;
        }
        double counties = sums.values().stream().mapToDouble(s -> s[2]).max().orElse(0);
        Map<Double, Double> out = new TreeMap<>();
        sums.forEach((year, s) -> {
            if (s[2] == counties && s[1] > 0) {
                out.put((double) year, 1000 * s[0] / s[1]);
            }
        });
        return out;
    }
}
