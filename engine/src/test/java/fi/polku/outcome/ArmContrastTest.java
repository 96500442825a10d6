package fi.polku.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.polku.change.PrePostMoments;
import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The contrast against independent implementations on the same constructed cases: Commons Math 3.6.1
 * {@code TTest} (Welch t) and {@code OLSMultipleLinearRegression} (the ANCOVA fit on the case-level design),
 * to 1e-9 relative.
 */
class ArmContrastTest {
    @Test
    void matchesCaseLevelWelchAndOls() {
        Random random = new Random(42);
        int np = 37;
        int nc = 23;
        PrePostMoments project = PrePostMoments.create();
        PrePostMoments comparison = PrePostMoments.create();
        double[][] design = new double[np + nc][];
        double[] post = new double[np + nc];
        double[] changeP = new double[np];
        double[] changeC = new double[nc];
        for (int i = 0; i < np + nc; i++) {
            boolean isProject = i < np;
            // Scores recorded to 0.1, as the instruments are.
            double pre = Math.round((18 + 5 * random.nextGaussian()) * 10) / 10.0;
            double y = Math.round((pre + (isProject ? 6 : 3) + 0.4 * (20 - pre) + 4 * random.nextGaussian()) * 10) / 10.0;
            (isProject ? project : comparison).accept(pre, y);
            design[i] = new double[] {isProject ? 1 : 0, pre};
            post[i] = y;
            if (isProject) {
                changeP[i] = y - pre;
            } else {
                changeC[i - np] = y - pre;
            }
        }
        ArmContrast.Result r = ArmContrast.of(project, comparison);
        TTest welch = new TTest();
        double t = welch.t(changeP, changeC);
        assertEquals(t, r.difference().estimate() / r.difference().se(), Math.abs(t) * 1e-9, "Welch t");
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(post, design);
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        assertEquals(beta[1], r.adjustedDifference().estimate(), Math.abs(beta[1]) * 1e-9, "ANCOVA arm coefficient");
        assertEquals(se[1], r.adjustedDifference().se(), se[1] * 1e-9, "ANCOVA SE");
        assertEquals(beta[2], r.intakeSlope(), Math.abs(beta[2]) * 1e-9, "intake slope");
        // [COMP] Hedges g: pooled-SD d times exact J(58); sign follows the difference.
        assertEquals(Math.signum(r.difference().estimate()), Math.signum(r.hedgesG().estimate()));
    }

    @Test
    void anArmWithFewerThanTwoCasesIsAnIllegalState() {
        PrePostMoments one = PrePostMoments.create().accept(10, 12);
        PrePostMoments many = PrePostMoments.create().accept(10, 12).accept(11, 15).accept(9, 9);
        assertThrows(IllegalStateException.class, () -> ArmContrast.of(one, many));
    }
}
