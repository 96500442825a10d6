package fi.polku.jobs.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the synthetic statistics panel is calibrated to, from {@code datasets/demo_calibration.csv}: national
 * totals by indicator and year (published where THL published them, interpolated linearly between, held
 * beyond), the share of 13–17-year-olds per indicator, approximate county populations and relative risks.
 */
final class Calibration {
    private final Map<String, TreeMap<Integer, Double>> national = new HashMap<>();
    private final Map<String, Double> share = new HashMap<>();
    private final Map<String, Double> population = new HashMap<>();
    private final Map<String, Double> risk = new HashMap<>();

    private Calibration() {
    }

    static Calibration bundled() {
        Calibration c = new Calibration();
        try (InputStream in = Calibration.class.getResourceAsStream("/polku/datasets/demo_calibration.csv")) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks demo_calibration.csv: rebuild with mvn package");
            }
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                double value = Double.parseDouble(r.get("value"));
                switch (r.get("scope")) {
                    case "national":
                        c.national.computeIfAbsent(r.get("key"), k -> new TreeMap<>()).put(Integer.parseInt(r.get("year")), value);
                        break;
                    case "share_13_17":
                        c.share.put(r.get("key"), value);
                        break;
                    case "population_0_17":
                        c.population.put(r.get("key"), value);
                        break;
                    case "risk":
                        c.risk.put(r.get("key"), value);
                        break;
                    default:
                        throw new IllegalStateException("demo_calibration.csv: unknown scope " + r.get("scope"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** Indicators with a national series. */
    Set<String> indicators() {
        return new TreeSet<>(national.keySet());
    }

    /** The national 0–17 total of an indicator in a year: linear between calibration points, held beyond. */
    double national(String indicator, int year) {
        TreeMap<Integer, Double> points = national.get(indicator);
        Map.Entry<Integer, Double> lo = points.floorEntry(year);
        Map.Entry<Integer, Double> hi = points.ceilingEntry(year);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double t = (year - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
        return lo.getValue() + t * (hi.getValue() - lo.getValue());
    }

    /** Share of an indicator's 0–17 count that concerns 13–17-year-olds. */
    double share1317(String indicator) {
        return share.get(indicator);
    }

    /** A region's 0–17 population in a year: the 2023 approximation, falling about 1 % a year as births fall. */
    double population017(String region, int year) {
        Double base = population.get(region);
        if (base == null) {
            throw new IllegalStateException("demo_calibration.csv has no population for region " + region);
        }
        return base * (1 + 0.01 * (2023 - year));
    }

    /** A region's relative risk (1 where none is given). */
    double risk(String region) {
        return risk.getOrDefault(region, 1.0);
    }
}
