package fi.polku.jobs.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.polku.change.CronbachAlpha;
import org.junit.jupiter.api.Test;

/** The small rules of the reliability tables, without Spark: the sample-α warning and a cell's conclusion. */
class ReliabilityRulesTest {

    @Test
    void sampleAlphaWarnsWhenTooFewIntakesOrAWideInterval() {
        // Values made up for the rule (the interval's width is what counts, not how it was computed).
        assertEquals("not used: 9 intakes with all items, fewer than change.min_sample_cases 10",
                ReliabilityRows.warning(new CronbachAlpha.Estimate(9, 4, 0.9, 0.7, 0.97, 0.95), 10));
        assertEquals("small sample: 23 intakes, the 95 % Feldt interval 0.780-0.930 is wider than 0.10",
                ReliabilityRows.warning(new CronbachAlpha.Estimate(23, 4, 0.88, 0.78, 0.93, 0.95), 10));
        assertNull(ReliabilityRows.warning(new CronbachAlpha.Estimate(534, 4, 0.945, 0.937, 0.952, 0.95), 10));
    }

    @Test
    void conclusionNamesTheModalCategoryTheBalanceAndTheHalf() {
        // recovered, improved, unchanged, deteriorated, harmed
        assertEquals("mostly unchanged; more reliably better than worse; under half reliably better",
                SensitivityRows.conclusion(new long[] {14, 10, 66, 0, 0}));
        assertEquals("mostly unchanged; more reliably better than worse; at least half reliably better",
                SensitivityRows.conclusion(new long[] {22, 23, 39, 6, 0}));
        assertEquals("mostly unchanged; as many reliably better as worse; under half reliably better",
                SensitivityRows.conclusion(new long[] {0, 0, 29, 0, 0}));
        assertEquals("mostly deteriorated; more reliably worse than better; under half reliably better",
                SensitivityRows.conclusion(new long[] {1, 1, 3, 6, 2}));
    }
}
