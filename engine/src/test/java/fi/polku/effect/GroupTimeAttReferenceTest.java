package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Callaway–Sant'Anna aggregations on mpdta against R 4.2.2: {@code cs_reference.csv}, made by
 * {@code r/cs_aggregations.R} by hand from the paper's definitions (section 3.1: θ_W^O simple, θ_sel(g) and
 * θ_sel^O group, θ_es(e) including the pre-period placebos e &lt; 0 and θ_es^O dynamic), every value to 1e-6.
 */
class GroupTimeAttReferenceTest {
    private static final double TOLERANCE = 1e-6;

    @Test
    void everyCellAndAggregationMatchesR() throws IOException {
        GroupTimeAtt did = GroupTimeAtt.of(GroupTimeAttTest.mpdta(), GroupTimeAtt.Control.NEVER_TREATED);
        List<GroupTimeAtt.Cell> cells = did.cells();
        Map<String, Double> att = cells.stream().collect(Collectors.toMap(c -> c.group() + "," + c.period(), GroupTimeAtt.Cell::att));
        Map<Integer, Double> groups = did.groupEffects(cells);
        Map<Integer, Double> events = did.eventTimes(cells);
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/cs_reference.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("kind") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                double expected = Double.parseDouble(f[3]);
                double actual = switch (f[0]) {
                    case "att" -> att.get(f[1] + "," + f[2]);
                    case "simple" -> did.simple(cells);
                    case "group" -> groups.get(Integer.parseInt(f[1]));
                    case "group_overall" -> did.group(cells);
                    case "dynamic" -> events.get(Integer.parseInt(f[2]));
                    case "dynamic_overall" -> did.dynamic(cells);
                    default -> throw new IllegalStateException("unknown kind " + f[0]);
                };
                assertEquals(expected, actual, TOLERANCE, line);
                checked++;
            }
        }
        assertEquals(12 + 1 + 3 + 1 + 7 + 1, checked);
        assertEquals(3, groups.size());
        assertEquals(7, events.size());
    }

    @Test
    void aCohortWithALeftOutStartYearStepsOverItWhileOthersKeepIt() {
        // Constructed: unit a starts 2024 (all years), unit b starts 2025 with its transition year 2024 left out;
        // c and d never treated. Every series is 10 + year trend; a drops by 1 from 2024, b by 2 from 2025.
        List<PanelObservation> panel = new java.util.ArrayList<>();
        for (int year = 2020; year <= 2025; year++) {
            double common = 10 + 0.5 * (year - 2020);
            panel.add(new PanelObservation("a", year, common + (year >= 2024 ? -1 : 0), 2024, 1));
            if (year != 2024) {
                panel.add(new PanelObservation("b", year, common + 3 + (year >= 2025 ? -2 : 0), 2025, 1));
            }
            panel.add(new PanelObservation("c", year, common - 1, 0, 1));
            panel.add(new PanelObservation("d", year, common + 2, 0, 1));
        }
        GroupTimeAtt did = GroupTimeAtt.of(panel, GroupTimeAtt.Control.NEVER_TREATED);
        List<GroupTimeAtt.Cell> cells = did.cells();
        GroupTimeAtt.Cell b = cells.stream().filter(c -> c.group() == 2025 && c.period() == 2025).findFirst().orElseThrow();
        assertEquals(2023, b.basePeriod(), "b's base steps over its left-out 2024");
        assertEquals(-2, b.att(), 1e-12);
        assertEquals(-4.0 / 3, did.simple(cells), 1e-12, "(−1 − 1 − 2) / 3 post cells (a: 2024, 2025; b: 2025), unit weights");
        assertEquals(-1.5, did.group(cells), 1e-12, "(−1 + −2) / 2");
        assertEquals(0, did.eventTimes(cells).get(-1), 1e-12, "parallel pre-trends: placebo 0");
    }
}
