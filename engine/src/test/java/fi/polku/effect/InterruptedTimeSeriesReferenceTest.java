package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quasi-Poisson ITS inference against R 4.2.2: {@code its_reference.csv}, made by {@code r/its_reference.R}
 * (glm quasipoisson, t on the residual df; the header names the exact calls), on sicily.csv and on the
 * constructed yearly panel {@code its_panel.csv}, with dispersion floor 0 (R's summary.glm) and 1 (Polku's
 * default). Every value to 1e-6 relative.
 */
class InterruptedTimeSeriesReferenceTest {
    private static final double REL = 1e-6;

    private static List<String[]> csv(String resource) throws IOException {
        try (InputStream in = InterruptedTimeSeriesReferenceTest.class.getResourceAsStream(resource)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split(",");
                    for (int i = 0; i < f.length; i++) {
                        f[i] = f[i].trim();
                    }
                    rows.add(f);
                }
            }
            return rows.subList(1, rows.size());
        }
    }

    /** case → its series as InterruptedTimeSeries sees it. */
    private static Map<String, List<InterruptedTimeSeries.Observation>> series() throws IOException {
        Map<String, List<InterruptedTimeSeries.Observation>> all = new LinkedHashMap<>();
        List<InterruptedTimeSeries.Observation> sicily = new ArrayList<>();
        for (double[] r : PoissonRegressionTest.sicily()) {
            // Columns year, month, aces, time, smokban, pop, stdpop; R used time − 1 and round(stdpop), which rounds
            // halves to even as Math.rint does.
            sicily.add(new InterruptedTimeSeries.Observation((int) r[3] - 1, r[4] == 1, (int) r[1], (long) r[2], (long) Math.rint(r[6])));
        }
        all.put("sicily", sicily);
        for (String[] f : csv("/its_panel.csv")) {
            all.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new InterruptedTimeSeries.Observation(
                    Integer.parseInt(f[1]) - 2012, f[4].equals("1"), null, Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
        return all;
    }

    private static void close(String expected, Double actual, String what) {
        double e = Double.parseDouble(expected);
        assertEquals(e, actual, Math.abs(e) * REL, what);
    }

    @Test
    void quasiPoissonInferenceMatchesR() throws IOException {
        Map<String, List<InterruptedTimeSeries.Observation>> series = series();
        List<String[]> reference = csv("/its_reference.csv");
        assertEquals(10, reference.size());
        for (String[] f : reference) {
            double floor = Double.parseDouble(f[1]);
            InterruptedTimeSeries.Result r = InterruptedTimeSeries.fit(series.get(f[0]), floor);
            String what = f[0] + " floor " + f[1] + ": ";
            close(f[2], r.rateRatio(), what + "rate ratio");
            close(f[3], r.lower(), what + "lower");
            close(f[4], r.upper(), what + "upper");
            close(f[5], r.pValue(), what + "p (t on the residual df)");
            close(f[6], r.logSe(), what + "SE of the log rate ratio");
            close(f[7], r.dispersion(), what + "Pearson dispersion");
            assertEquals(Integer.parseInt(f[8]), r.residualDf(), what + "residual df");
            assertEquals(floor, r.dispersionFloor());
        }
    }

    @Test
    void theFloorIsNamedWhereItActsAndInTheInferenceText() throws IOException {
        InterruptedTimeSeries.Result floored = InterruptedTimeSeries.fit(series().get("r1"), 1);
        assertTrue(floored.warnings().contains("dispersion_floor(1)"),
                floored.warnings().toString());
        assertTrue(floored.inference().contains("√max(1, Pearson dispersion) = Poisson SE × √1;"), floored.inference());
        assertTrue(floored.inference().contains("t-test of the log rate ratio on 9 residual df"), floored.inference());
        InterruptedTimeSeries.Result raw = InterruptedTimeSeries.fit(series().get("r1"), 0);
        assertTrue(raw.warnings().isEmpty(), raw.warnings().toString());
        assertThrows(IllegalArgumentException.class, () -> InterruptedTimeSeries.fit(List.of(), -0.5));
    }
}
