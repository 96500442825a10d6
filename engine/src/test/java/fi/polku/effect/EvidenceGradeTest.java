package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each rule of {@link EvidenceGrade} at its boundary; all inputs constructed. */
class EvidenceGradeTest {
    /** A clear change: p 0.01, interval (−2, −0.5), 2 post years, no pre-trend sign, real data, 20 placebos. */
    private static EvidenceGrade.Evidence clear() {
        return new EvidenceGrade.Evidence(-1.2, 0, -2.0, -0.5, 0.01, 1.0 / 21, 2, false, 0.5, false);
    }

    private static EvidenceGrade grade(Double estimate, Double lower, Double upper, Double p, Double smallestP, int post,
                                       boolean failed, Double preTrendP, boolean synthetic) {
        return EvidenceGrade.of(new EvidenceGrade.Evidence(estimate, 0, lower, upper, p, smallestP, post, failed, preTrendP, synthetic));
    }

    @Test
    void clearChangeNeedsEveryCondition() {
        assertEquals(EvidenceGrade.CLEAR_CHANGE, EvidenceGrade.of(clear()));
        assertEquals(EvidenceGrade.CLEAR_CHANGE, grade(-1.2, -2.0, -0.5, 0.0499, null, 2, false, 0.10, false));
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, -0.5, 0.05, null, 2, false, null, false), "p at 0.05");
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, -0.5, 0.01, null, 1, false, null, false), "one post year");
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, -0.5, 0.01, null, 2, false, 0.0999, false), "weak pre-trend");
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, -0.5, 0.01, null, 2, false, null, true), "synthetic input");
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, 0.0, 0.01, null, 2, false, null, false), "interval touches 0");
    }

    @Test
    void suggestiveAndNoEvidenceSplitAtPTen() {
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-0.8, -1.9, 0.3, 0.0999, null, 2, false, null, false));
        assertEquals(EvidenceGrade.NO_EVIDENCE, grade(-0.8, -1.9, 0.3, 0.10, null, 2, false, null, false));
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-0.8, -1.9, -0.01, 0.2, null, 2, false, null, false), "interval excludes 0");
        assertEquals(EvidenceGrade.CLEAR_CHANGE, grade(-0.8, -1.9, -0.01, null, null, 2, false, null, false), "interval only");
        assertEquals(EvidenceGrade.NO_EVIDENCE, grade(-0.8, -1.9, 0.01, null, null, 2, false, null, false), "interval only");
    }

    @Test
    void notAssessableRules() {
        assertEquals(EvidenceGrade.NOT_ASSESSABLE, grade(null, null, null, null, null, 2, false, null, false), "no estimate");
        assertEquals(EvidenceGrade.NOT_ASSESSABLE, grade(-1.2, null, null, null, null, 2, false, null, false), "no p, no interval");
        assertEquals(EvidenceGrade.NOT_ASSESSABLE, grade(-1.2, -2.0, -0.5, 0.01, null, 0, false, null, false), "no post year");
        assertEquals(EvidenceGrade.NOT_ASSESSABLE, grade(-1.2, -2.0, -0.5, 0.01, null, 2, true, null, false), "validity failed");
        // 9 placebos: smallest p 1/10 cannot be below 0.10; 10 placebos (1/11) can, 18 placebos (1/19) reach 0.0526 at
        // best, so they can be suggestive, never clear; 20 placebos (1/21) can be clear.
        assertEquals(EvidenceGrade.NOT_ASSESSABLE, grade(-1.2, -2.0, -0.5, 0.1, 1.0 / 10, 2, false, null, false), "too few regions");
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, -0.5, 1.0 / 11, 1.0 / 11, 2, false, null, false));
        assertEquals(EvidenceGrade.SUGGESTIVE, grade(-1.2, -2.0, -0.5, 1.0 / 19, 1.0 / 19, 2, false, null, false));
        assertEquals(EvidenceGrade.CLEAR_CHANGE, grade(-1.2, -2.0, -0.5, 1.0 / 21, 1.0 / 21, 2, false, null, false));
    }

    @Test
    void aRatioIsJudgedAgainstOne() {
        // Rate ratio 0.8 (0.7–0.95), p 0.01, 3 post years: clear; its interval 0.7–1.05 includes 1: not significant.
        assertEquals(EvidenceGrade.CLEAR_CHANGE, EvidenceGrade.of(new EvidenceGrade.Evidence(0.8, 1, 0.7, 0.95, 0.01, null, 3,
                false, null, false)));
        assertEquals(EvidenceGrade.SUGGESTIVE, EvidenceGrade.of(new EvidenceGrade.Evidence(0.8, 1, 0.7, 1.05, 0.04, null, 3,
                false, null, false)));
    }

    @Test
    void codesAreStable() {
        assertEquals("not_assessable", EvidenceGrade.NOT_ASSESSABLE.code());
        assertEquals("no_evidence", EvidenceGrade.NO_EVIDENCE.code());
        assertEquals("suggestive", EvidenceGrade.SUGGESTIVE.code());
        assertEquals("clear_change", EvidenceGrade.CLEAR_CHANGE.code());
    }
}
