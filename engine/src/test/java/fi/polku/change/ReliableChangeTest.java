package fi.polku.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.polku.change.ChangeNorms.SdSource;
import fi.polku.change.Cutoffs.BSd;
import fi.polku.change.Cutoffs.Population;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reliable and clinically significant change against shared/reference/REFERENCE.md, RC-1 … RC-4. */
class ReliableChangeTest {
    /** REFERENCE.md: 1e-6 relative for closed forms. */
    private static final double REL = 1e-6;

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * REL, what);
    }

    /** The 30 (pre, post) pairs of jt1991_table2_das.csv. */
    static double[][] das() throws IOException {
        try (InputStream in = ReliableChangeTest.class.getResourceAsStream("/jt1991_table2_das.csv")) {
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("\"ppid\"") || line.isBlank()) {
                    continue;
                }
                String[] f = line.replace("\"", "").split(",");
                rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
            return rows.toArray(new double[0][]);
        }
    }

    @Test
    void rc1WodrichTextbookExample() {
        // RC-1: SEM 3.07 given directly; pre 24, post 35 [PUB Wodrich App. E; unrounded COMP].
        double sd = 3.07 / Math.sqrt(1 - 0.9);
        ReliableChange jt = ReliableChange.of(RciMethod.JT, ChangeNorms.ofSd(sd, 0.9, SdSource.NORM), Direction.HIGHER_IS_BETTER);
        close(3.07, jt.standardError(), "SE");
        close(4.341636, jt.standardErrorOfDifference(), "Sdiff");
        // The textbook's threshold is 1.96 · Sdiff; Polku uses z(0.975) = 1.959964 (REFERENCE.md, "two-sided 1.959964").
        close(8.509606, 1.96 * jt.standardErrorOfDifference(), "textbook threshold");
        close(1.959963984540054 * 4.341636, jt.thresholdPoints(), "Polku's threshold");
        close(2.533607, jt.index(24, 35), "RCI");
        assertEquals(ReliableChange.Verdict.RELIABLY_IMPROVED, jt.verdict(24, 35));
    }

    @Test
    void rc2CutoffsBothDirections() {
        // RC-2 [COMP]: M_clin 40, SD_clin 7.5, M_func 60, SD_func 7.5.
        Population clin = Population.of(40, 7.5);
        Population func = Population.of(60, 7.5);
        close(55, Cutoffs.a(clin, Direction.HIGHER_IS_BETTER), "a higher");
        close(45, Cutoffs.b(clin, func, Direction.HIGHER_IS_BETTER, BSd.FUNCTIONAL), "b higher");
        close(50, Cutoffs.c(clin, func), "c");
        close(25, Cutoffs.a(clin, Direction.LOWER_IS_BETTER), "a lower");
        close(75, Cutoffs.b(clin, func, Direction.LOWER_IS_BETTER, BSd.FUNCTIONAL), "b lower");
        ReliableChange jt = ReliableChange.of(RciMethod.JT, ChangeNorms.ofSd(7.5, 0.8, SdSource.NORM), Direction.HIGHER_IS_BETTER);
        close(3.354102, jt.standardError(), "SE");
        close(4.743416, jt.standardErrorOfDifference(), "Sdiff");
    }

    @Test
    void rc3JacobsonTruaxTable2CategoryCounts() throws IOException {
        double[][] das = das();
        assertEquals(30, das.length);
        // RC-3 [COMP]: pre SD 11.825661 from the sample's pre scores.
        double sd = sd(das, 0);
        close(11.825661, sd, "pre SD");
        close(7.479205, jt(sd, 0.80).standardErrorOfDifference(), "Sdiff at .80");
        close(6.689604, jt(sd, 0.84).standardErrorOfDifference(), "Sdiff at .84");
        close(3.344802, jt(sd, 0.96).standardErrorOfDifference(), "Sdiff at .96");
        close(0.869076, jt(sd, 0.80).index(das[0][0], das[0][1]), "couple 1 RCI");
        close(6.685203, jt(sd, 0.80).index(das[1][0], das[1][1]), "couple 2 RCI");
        // [R] at .80: 16 improved, 1 deteriorated, 13 unchanged; [COMP] .84: 18/1; .96: 21/2.
        assertEquals(Map.of(ReliableChange.Verdict.RELIABLY_IMPROVED, 16, ReliableChange.Verdict.RELIABLY_DETERIORATED, 1,
                ReliableChange.Verdict.NO_RELIABLE_CHANGE, 13), counts(das, jt(sd, 0.80)));
        assertEquals(Map.of(ReliableChange.Verdict.RELIABLY_IMPROVED, 18, ReliableChange.Verdict.RELIABLY_DETERIORATED, 1,
                ReliableChange.Verdict.NO_RELIABLE_CHANGE, 11), counts(das, jt(sd, 0.84)));
        assertEquals(Map.of(ReliableChange.Verdict.RELIABLY_IMPROVED, 21, ReliableChange.Verdict.RELIABLY_DETERIORATED, 2,
                ReliableChange.Verdict.NO_RELIABLE_CHANGE, 7), counts(das, jt(sd, 0.96)));
    }

    @Test
    void rc4HagemanArrindellTrueCutoffs() {
        // RC-4 [COMP], lower is better: M_clin 68.35, SD 22.33, rel .93; M_func 50, SD 22, rel .93.
        Population clin = new Population(68.35, 22.33, 0.93);
        Population func = new Population(50, 22, 0.93);
        close(25.281456, Cutoffs.aTrue(clin, Direction.LOWER_IS_BETTER), "a true");
        close(59.106700, Cutoffs.cTrue(clin, func), "c true");
        // RC-4's b (93.068544) takes the clinical SD, as the R package clinicalsignificance does.
        close(93.068544, Cutoffs.bTrue(clin, func, Direction.LOWER_IS_BETTER, BSd.CLINICAL), "b true, package convention");
        // The paper's convention takes the functional SD: 50 + 2 · 22 · √.93 [COMP from the formula].
        close(50 + 2 * 22 * Math.sqrt(0.93), Cutoffs.bTrue(clin, func, Direction.LOWER_IS_BETTER, BSd.FUNCTIONAL), "b true, paper");
    }

    @Test
    void alternativeMethodsFollowTheirFormulas() throws IOException {
        double[][] das = das();
        // RC-3 [COMP]: pre mean 81.5833, SD 11.825661; post mean 98.05, SD 19.241814; r .517721.
        ChangeNorms n = new ChangeNorms(81.5833333, 11.825661, 98.05, 19.241814, 0.517721, 0.8, 0.8, SdSource.SAMPLE_INTAKE);
        double pre = das[0][0];
        double post = das[0][1];
        double s1 = 11.825661;
        // Each expected value is the REFERENCE.md formula evaluated by hand for couple 1 (90.5 → 97), rxx .80.
        close(((97 - 81.5833333) - 0.8 * (90.5 - 81.5833333)) / (s1 * Math.sqrt(1 - 0.64)),
                ReliableChange.of(RciMethod.GLN, n, Direction.HIGHER_IS_BETTER).index(pre, post), "GLN");
        close(((97 - 98.05) - 0.8 * (90.5 - 81.5833333)) / (s1 * Math.sqrt(1 - 0.64)),
                ReliableChange.of(RciMethod.HLL, n, Direction.HIGHER_IS_BETTER).index(pre, post), "HLL");
        close((97 - (0.8 * (90.5 - 81.5833333) + 81.5833333)) / (s1 * Math.sqrt(0.2)),
                ReliableChange.of(RciMethod.EN, n, Direction.HIGHER_IS_BETTER).index(pre, post), "EN");
        close((97 - (0.8 * (90.5 - 81.5833333) + 81.5833333)) / Math.sqrt(0.64 * s1 * s1 * 0.2 + s1 * s1 * 0.2),
                ReliableChange.of(RciMethod.NK, n, Direction.HIGHER_IS_BETTER).index(pre, post), "NK");
        double se2 = s1 * s1 * 0.2;
        double s2 = 19.241814;
        double rdd = (s1 * s1 * 0.8 + s2 * s2 * (1 - se2 / (s2 * s2)) - 2 * s1 * s2 * 0.517721)
                / (s1 * s1 + s2 * s2 - 2 * s1 * s2 * 0.517721);
        close(((97 - 90.5) * rdd + (98.05 - 81.5833333) * (1 - rdd)) / (Math.sqrt(rdd) * Math.sqrt(2 * se2)),
                ReliableChange.of(RciMethod.HA, n, Direction.HIGHER_IS_BETTER).index(pre, post), "HA");
        assertEquals(1.644854, RciMethod.HA.criticalValue(), 1e-6, "HA is one-sided");
    }

    @Test
    void categoriesCombineVerdictAndCutoff() {
        ClinicalRange ors = new ClinicalRange(25, Direction.HIGHER_IS_BETTER, ClinicalRange.AtCutoff.FUNCTIONAL);
        ReliableChange jt = ReliableChange.of(RciMethod.JT, ChangeNorms.ofSd(5.83, 0.83, SdSource.NORM), Direction.HIGHER_IS_BETTER);
        assertEquals(ChangeCategory.RECOVERED, category(jt, ors, 15, 30));
        assertEquals(ChangeCategory.IMPROVED, category(jt, ors, 10, 20));
        assertEquals(ChangeCategory.UNCHANGED, category(jt, ors, 20, 24));
        assertEquals(ChangeCategory.HARMED, category(jt, ors, 30, 15));
        assertEquals(ChangeCategory.DETERIORATED, category(jt, ors, 20, 10));
        assertEquals(false, ors.isClinical(25), "at the cutoff counts as functional under this setting");
        assertEquals(true, new ClinicalRange(25, Direction.HIGHER_IS_BETTER, ClinicalRange.AtCutoff.CLINICAL).isClinical(25));
    }

    private static ChangeCategory category(ReliableChange rc, ClinicalRange range, double pre, double post) {
        return ChangeCategory.of(rc.verdict(pre, post), range.isClinical(pre), range.isClinical(post));
    }

    private static ReliableChange jt(double sd, double rxx) {
        return ReliableChange.of(RciMethod.JT, ChangeNorms.ofSd(sd, rxx, SdSource.SAMPLE_INTAKE), Direction.HIGHER_IS_BETTER);
    }

    private static Map<ReliableChange.Verdict, Integer> counts(double[][] pairs, ReliableChange rc) {
        Map<ReliableChange.Verdict, Integer> counts = new EnumMap<>(ReliableChange.Verdict.class);
        for (double[] p : pairs) {
            counts.merge(rc.verdict(p[0], p[1]), 1, Integer::sum);
        }
        return counts;
    }

    private static double sd(double[][] pairs, int column) {
        double mean = 0;
        for (double[] p : pairs) {
            mean += p[column];
        }
        mean /= pairs.length;
        double ss = 0;
        for (double[] p : pairs) {
            ss += (p[column] - mean) * (p[column] - mean);
        }
        return Math.sqrt(ss / (pairs.length - 1));
    }
}
