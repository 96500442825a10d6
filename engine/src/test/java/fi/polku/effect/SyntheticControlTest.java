package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Basque values of shared/reference/REFERENCE.md (Abadie &amp; Gardeazabal 2003, [PUB]) with the predictors of
 * R {@code Synth}'s basque example: school shares and investment 1964–1969, GDP per capita 1960–1969, sector
 * shares in odd years 1961–1969, population density 1969; V chosen on GDP per capita 1960–1969.
 */
class SyntheticControlTest {
    private static final int BASQUE = 17;
    private static final String[] MEANS_1964_1969 = {"school.illit", "school.prim", "school.med", "school.high",
        "school.post.high", "invest"};
    private static final String[] SECTORS = {"sec.agriculture", "sec.energy", "sec.industry", "sec.construction",
        "sec.services.venta", "sec.services.nonventa"};

    /** region number → year → column → value (blank cells absent). */
    static Map<Integer, Map<Integer, Map<String, Double>>> basque() throws IOException {
        try (InputStream in = SyntheticControlTest.class.getResourceAsStream("/basque.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[1].split(",");
            Map<Integer, Map<Integer, Map<String, Double>>> data = new TreeMap<>();
            for (int l = 2; l < lines.length; l++) {
                String[] f = lines[l].split(",", -1);
                Map<String, Double> row = new HashMap<>();
                for (int c = 3; c < header.length; c++) {
                    if (!f[c].isBlank()) {
                        row.put(header[c].trim(), Double.parseDouble(f[c]));
                    }
                }
                row.put("gdpcap", Double.parseDouble(f[3]));
                data.computeIfAbsent((int) Double.parseDouble(f[0]), k -> new TreeMap<>()).put((int) Double.parseDouble(f[2]), row);
            }
            return data;
        }
    }

    private static double mean(Map<Integer, Map<String, Double>> unit, String column, int... years) {
        return IntStream.of(years).mapToDouble(y -> unit.get(y).get(column)).average().orElseThrow();
    }

    private static double[] predictors(Map<Integer, Map<String, Double>> u) {
        List<Double> p = new ArrayList<>();
        for (String c : MEANS_1964_1969) {
            p.add(mean(u, c, 1964, 1965, 1966, 1967, 1968, 1969));
        }
        p.add(mean(u, "gdpcap", IntStream.rangeClosed(1960, 1969).toArray()));
        for (String c : SECTORS) {
            p.add(mean(u, c, 1961, 1963, 1965, 1967, 1969));
        }
        p.add(mean(u, "popdens", 1969));
        return p.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The fit for {@code treated} against {@code donors}, and its gap series 1955–1997. */
    private record Study(SyntheticControl.Fit fit, Map<Integer, Double> gap) {
        double rmspe(int from, int to) {
            return Math.sqrt(gap.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                    .mapToDouble(e -> e.getValue() * e.getValue()).average().orElseThrow());
        }
    }

    private static Study study(Map<Integer, Map<Integer, Map<String, Double>>> data, int treated, List<Integer> donors) {
        double[][] x0 = new double[14][donors.size()];
        double[][] z0 = new double[10][donors.size()];
        for (int j = 0; j < donors.size(); j++) {
            double[] p = predictors(data.get(donors.get(j)));
            for (int i = 0; i < p.length; i++) {
                x0[i][j] = p[i];
            }
            for (int t = 0; t < 10; t++) {
                z0[t][j] = data.get(donors.get(j)).get(1960 + t).get("gdpcap");
            }
        }
        double[] z1 = IntStream.range(0, 10).mapToDouble(t -> data.get(treated).get(1960 + t).get("gdpcap")).toArray();
        SyntheticControl.Fit fit = SyntheticControl.ofPredictors(predictors(data.get(treated)), x0, z1, z0);
        Map<Integer, Double> gap = new TreeMap<>();
        for (int year = 1955; year <= 1997; year++) {
            int y = year;
            double[] d = donors.stream().mapToDouble(u -> data.get(u).get(y).get("gdpcap")).toArray();
            gap.put(year, data.get(treated).get(year).get("gdpcap") - fit.synthetic(d));
        }
        return new Study(fit, gap);
    }

    private static List<Integer> donorsOf(int treated) {
        // Synth's example: regions 2–18 without the treated one; 1 is Spain as a whole, never a donor.
        return IntStream.rangeClosed(2, 18).filter(u -> u != treated).boxed().toList();
    }

    @Test
    void basqueDonorWeightsAndGapReproduceThePublishedResult() throws IOException {
        Map<Integer, Map<Integer, Map<String, Double>>> data = basque();
        List<Integer> donors = donorsOf(BASQUE);
        Study s = study(data, BASQUE, donors);
        double[] w = s.fit().weights();
        // [PUB] Abadie & Gardeazabal 2003: Cataluña 0.851, Madrid 0.149, others 0; tolerance ±0.02 (REFERENCE.md).
        assertEquals(0.851, w[donors.indexOf(10)], 0.02, "Cataluña");
        assertEquals(0.149, w[donors.indexOf(14)], 0.02, "Madrid");
        assertEquals(1.0, w[donors.indexOf(10)] + w[donors.indexOf(14)], 0.02, "all other donors together");
        assertEquals(1.0, IntStream.range(0, w.length).mapToDouble(j -> w[j]).sum(), 1e-9, "weights sum to one");
        // [PUB] mean gap 1975–1997 −0.6996; ±0.02 as for the weights, which it rests on.
        double meanGap = s.gap().entrySet().stream().filter(e -> e.getKey() >= 1975).mapToDouble(Map.Entry::getValue)
                .average().orElseThrow();
        assertEquals(-0.6996, meanGap, 0.02, "mean gap 1975-1997");
        // [COMP] the same procedure in SciPy 1.17.1 (Nelder–Mead from equal V, restarted; NNLS inner problem):
        // loss over 1960–1969 0.0088645 and RMSPE 1955–1974 0.08480. V is not unique, but this search reaches the
        // same optimum: the loss to its printed 5 digits; the RMSPE 1 % (it rests on years outside the fit).
        assertEquals(0.0088645, s.fit().loss(), 0.00000005, "pre-period loss 1960-1969");
        assertEquals(0.08480, s.rmspe(1955, 1974), 0.08480 * 0.01, "pre-period RMSPE 1955-1974");
    }

    @Test
    void basquePlaceboInSpaceRanksTheTreatedRegionHigh() throws IOException {
        Map<Integer, Map<Integer, Map<String, Double>>> data = basque();
        Study basque = study(data, BASQUE, donorsOf(BASQUE));
        double ratio = basque.rmspe(1975, 1997) / basque.rmspe(1955, 1974);
        int asLarge = 1;
        for (int placebo : donorsOf(BASQUE)) {
            Study s = study(data, placebo, donorsOf(placebo).stream().filter(u -> u != BASQUE).toList());
            if (s.rmspe(1975, 1997) / s.rmspe(1955, 1974) >= ratio) {
                asLarge++;
            }
        }
        double p = asLarge / 17.0;
        // [PUB] p 0.1667; [COMP] SciPy 1.17.1, same procedure: 4/17 = 0.235. Each placebo's own V search is
        // multimodal, so the rank moves by a step or two between optimisers: assert the published region of
        // the distribution (top quarter), not one step.
        assertTrue(p <= 0.25, "placebo p " + p);
        assertTrue(ratio > 5, "post/pre RMSPE ratio " + ratio);
    }

    @Test
    void outcomeFitRecoversAKnownMixture() {
        // Constructed: the treated series is exactly 0.3·A + 0.7·C of three donor series; B is a decoy.
        double[] a = {10, 11, 13, 12, 14, 15};
        double[] b = {20, 18, 19, 22, 21, 20};
        double[] c = {5, 7, 6, 8, 9, 10};
        double[][] donors = new double[a.length][];
        double[] treated = new double[a.length];
        for (int t = 0; t < a.length; t++) {
            donors[t] = new double[] {a[t], b[t], c[t]};
            treated[t] = 0.3 * a[t] + 0.7 * c[t];
        }
        SyntheticControl.Fit fit = SyntheticControl.ofOutcomes(treated, donors);
        assertEquals(0.3, fit.weights()[0], 1e-7);
        assertEquals(0.0, fit.weights()[1], 1e-7);
        assertEquals(0.7, fit.weights()[2], 1e-7);
        assertEquals(0.0, fit.rmspe(), 1e-6);
    }

    @Test
    void aTreatedUnitAboveEveryDonorGetsTheNearestCornerAndAVisibleMisfit() {
        double[][] donors = {{1, 2}, {1, 2}, {1, 2}};
        SyntheticControl.Fit fit = SyntheticControl.ofOutcomes(new double[] {5, 5, 5}, donors);
        assertEquals(1.0, fit.weights()[1], 1e-9);
        assertEquals(3.0, fit.rmspe(), 1e-9);
    }

    @Test
    void badInputNamesTheArgument() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticControl.ofOutcomes(new double[] {1, 2}, new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> SyntheticControl.ofOutcomes(new double[] {1, Double.NaN},
                new double[][] {{1, 2}, {1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> SyntheticControl.ofPredictors(new double[] {1},
                new double[][] {{1, 1}}, new double[] {1}, new double[][] {{1, 2}}));
    }
}
