package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.OutcomeDisclosureTest;
import fi.polku.outcome.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The export's microdata cannot count a group whose size region_outcomes hides: constructed trajectories of one
 * region × instrument × respondent × arm in three intake terms (the issue's shape: 20, 3 and 15 parents), the
 * region_outcomes rows counted from them, protected at k = 5 as the export does, and the microdata attacked
 * before and after leaving out the rows of hidden groups.
 */
class WithheldMicrodataTest {
    private static final int K = 5;

    /** A constructed trajectory: its intake date (region 12, ORS, parent, project arm). */
    private record Made(LocalDate intake) {
    }

    /** {@code episodes} trajectories with one intake date. */
    private static List<Made> term(LocalDate intake, long episodes) {
        List<Made> out = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            out.add(new Made(intake));
        }
        return out;
    }

    private static MicrodataRecount.Trajectory published(Made m) {
        return new MicrodataRecount.Trajectory("12", "ORS", "parent", "project", ReportingPeriod.TERM.label(m.intake()));
    }

    @Test
    void hiddenGroupSizesCannotBeRecountedFromTheMicrodata() {
        // Counts made up for the case, consistent by construction: 20 + 3 + 15 + 40 = 78 parents, 18 + 3 + 14 + 38 = 73
        // complete, categories 6+1+5+10 recovered, 5+0+0+10 improved, 7+2+9+18 unchanged. The spring 2025 term's 3 are
        // under k; the large spring 2026 term needs no hiding.
        long[][] categories = {{6, 5, 7, 0, 0}, {1, 0, 2, 0, 0}, {5, 0, 9, 0, 0}, {10, 10, 18, 0, 0}};
        List<Made> made = new ArrayList<>();
        made.addAll(term(LocalDate.of(2024, 9, 2), 20));
        made.addAll(term(LocalDate.of(2025, 3, 3), 3));
        made.addAll(term(LocalDate.of(2025, 9, 1), 15));
        made.addAll(term(LocalDate.of(2026, 2, 2), 40));
        List<Row> rows = List.of(
                OutcomeDisclosureTest.row("project", "2024-autumn", 20, 18, categories[0], 4.0),
                OutcomeDisclosureTest.row("project", "2025-spring", 3, 3, categories[1], null),
                OutcomeDisclosureTest.row("project", "2025-autumn", 15, 14, categories[2], 3.0),
                OutcomeDisclosureTest.row("project", "2026-spring", 40, 38, categories[3], 2.0),
                OutcomeDisclosureTest.row("project", "all", 78, 73, new long[] {22, 15, 36, 0, 0},
                        (18 * 4.0 + 3 * 2.0 + 14 * 3.0 + 38 * 2.0) / 73));
        OutcomeDisclosure control = OutcomeDisclosure.protect(rows, K);
        List<Map<String, String>> truth = OutcomeDisclosureTest.text(rows);
        List<Map<String, String>> table = OutcomeDisclosureTest.text(control.published());
        assertTrue(table.get(1).get("n_episodes").isEmpty(), "the spring term's 3 are hidden in the table");

        // Before: every trajectory published (as the export did), the 3 come back by counting rows.
        List<String> before = MicrodataRecount.run(made.stream().map(WithheldMicrodataTest::published).toList(), truth, table);
        assertTrue(before.contains("exact 12|ORS|parent|project|2025-spring n_episodes = 3, microdata recount 3"), before.toString());

        // After: the trajectories of rows with a hidden n_episodes are left out, and no hidden group can be counted.
        WithheldMicrodata rule = new WithheldMicrodata(control.rowsWithHiddenEpisodes(), ReportingPeriod.TERM);
        List<Made> kept = made.stream().filter(m -> !rule.withholds("12", "ORS", "parent", "project", m.intake())).toList();
        assertEquals(List.of(), MicrodataRecount.run(kept.stream().map(WithheldMicrodataTest::published).toList(), truth, table));
        assertFalse(kept.stream().anyMatch(m -> m.intake().getYear() == 2025 && m.intake().getMonthValue() == 3));
        // What stays recounts each term's shown size exactly, and a hidden one not at all; the large term stays whole.
        for (Map<String, String> r : table.subList(0, 4)) {
            long recount = kept.stream().filter(m -> ReportingPeriod.TERM.label(m.intake()).equals(r.get("period"))).count();
            assertEquals(r.get("n_episodes").isEmpty() ? 0 : Long.parseLong(r.get("n_episodes")), recount, r.get("period"));
        }
        assertEquals("40", table.get(3).get("n_episodes"));
    }
}
