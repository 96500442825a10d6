package fi.polku.jobs.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rates and region effects on the demo's synthetic county panel, with every caveat written beside them. */
class EffectsStageTest {
    @TempDir
    Path dir;

    @Test
    void everyProjectRegionGetsAllMethodsWithTheirWarnings() throws Exception {
        Workspace ws = new Workspace(dir);
        Path config = ws.write("polku.yaml", "project: test\nas_of: 2026-06-30\ninputs:\n"
                + "  region_statistics: " + Workspace.DEMO.resolve("region_statistics.csv") + "\n"
                + "  populations: " + Workspace.DEMO.resolve("populations.csv") + "\n"
                + "output: out\nregions:\n  - {region: Kainuu, start: 2024-08-01}\n  - {region: Kymenlaakso, start: 2024-05-01}\n"
                + "breaks:\n  - {date: 2023-01-01, label: counties took over}\n"
                + "unit_costs:\n  - {indicator: emergency_placements, euros: 1000, source: test figure}\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());

        String rates = DuckDb.table(ws.output(), "region_rates");
        assertEquals(DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "region_statistics")),
                DuckDb.count("select count(*) from " + rates));
        assertEquals(0, DuckDb.count("select count(*) from " + rates + " where population is null"
                + " or not (ci_lower <= rate_per_1000 and rate_per_1000 <= ci_upper)"));

        String effects = DuckDb.table(ws.output(), "region_effects");
        // 2 regions × 7 indicators × 2 age groups × 4 methods.
        assertEquals(112, DuckDb.count("select count(*) from " + effects));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where estimate is null or isnan(estimate)"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'its' and (post_periods <> 1"
                + " or transition_period <> '2024' or warnings not like '%level_only%')"));
        // Synthetic input is said once, by the column (and the pages' banner), not in every row's warnings.
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where warnings like '%SYNTHETIC%' or not synthetic"
                + " or breaks_crossed not like '2023-01-01 counties took over%' or warnings not like '%structural_break(2023-01-01)%'"));
        // Evidence grades: TWFE is a diagnostic (not assessable); 21 placebos allow p = 1/22 < 0.05, but one post year
        // and synthetic input keep any significant DiD at "suggestive"; no row is a clear change.
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'twfe' and evidence_grade <> 'not_assessable'"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where evidence_grade = 'clear_change'"
                + " or evidence_grade not in ('not_assessable', 'no_evidence', 'suggestive')"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'did' and p_value >= 0.1"
                + " and not (ci_lower > 0 or ci_upper < 0) and evidence_grade <> 'no_evidence'"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'synthetic_control'"
                + " and regexp_matches(warnings, '(^|; )poor_fit(;|$)') and evidence_grade <> 'not_assessable'"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'did' and (comparison_regions <> 21"
                + " or p_value < 1.0 / 22 - 1e-12 or warnings not like '%placebo_in_space(21,22)%')"));
        assertTrue(DuckDb.count("select count(*) from " + effects + " where method = 'did' and region = '20'"
                + " and warnings like '%noisy_series%'") > 0, "Kainuu's small counts are flagged");

        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'synthetic_control' and"
                + " (comparison_regions <> 21 or p_value < 1.0 / 22 - 1e-12 or not (ci_lower <= estimate and estimate <= ci_upper)"
                + " or diagnostics not like 'pre-period RMSPE%' or warnings not like '%placebo_in_space(21,22)%'"
                + " or warnings not like '%single_post%')"));

        // Every row says exactly what its p is; ITS rows carry the dispersion floor, every row but TWFE an MDE.
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'did' and inference not like"
                + " 'placebo in space: p = (1 + #{comparison regions whose placebo |ATT| >= |ATT|}) / (m + 1), m = 21 %'"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method = 'its' and (dispersion_floor <> 1"
                + " or inference not like '%t-test of the log rate ratio on 7 residual df%' or mde_percent is null)"));
        assertEquals(0, DuckDb.count("select count(*) from " + effects + " where method in ('did', 'synthetic_control')"
                + " and (mde_per_1000 is null or mde_per_1000 <= 0 or abs(mde_percent - 100 * mde_per_1000 / pre_level) > 1e-9)"));

        String project = DuckDb.table(ws.output(), "project_effects");
        // 7 indicators × 2 age groups; 2 project regions among 23 regions: C(23, 2) = 253 assignments, all of them.
        assertEquals(14, DuckDb.count("select count(*) from " + project + " where method = 'cs_simple' and assignments = 253"
                + " and assignments_total = 253 and assignment_seed is null and project_regions = '10,20'"
                + " and p_value >= 1.0 / 253 - 1e-12 and mde_per_1000 > 0 and inference like 'randomisation inference: all 253 %'"));
        // Kainuu and Kymenlaakso both start mid-2024: first post 2025, pre-period placebos e = −9 … −2 (2024 left out).
        assertEquals(14 * 9, DuckDb.count("select count(*) from " + project + " where method = 'event_study'"));
        assertEquals(14, DuckDb.count("select count(*) from " + project + " where method = 'event_study' and relative_period = 0"));
        assertEquals(0, DuckDb.count("select count(*) from " + project + " where method = 'event_study' and relative_period = -1"));
        assertEquals(14, DuckDb.count("select count(*) from " + project + " where method = 'pre_trend'"
                + " and diagnostics like 'pre-period placebos (8 event times)%'"));
        assertEquals(28, DuckDb.count("select count(*) from " + project + " where method like 're_did_%' and estimate is not null"));
        assertEquals(14, DuckDb.count("select count(*) from " + project + " where method = 'synthetic_control_pooled'"
                + " and assignments = 253 and estimate is not null and diagnostics like 'pre-period RMSPE % mean pre-period gap %'"
                + " and warnings like '%p_exact(253)%'"));
        // A failed pre-fit is never graded as evidence.
        assertEquals(0, DuckDb.count("select count(*) from " + project + " where method = 'synthetic_control_pooled'"
                + " and (warnings like '%sc_poor_fit%') <> (evidence_grade = 'not_assessable' and diagnostics like '%: fails%')"));
        // The base year: 2023 (g − 2, 2024 a transition), sensitivity with 2022 and 2024 on every cs_simple row.
        assertEquals(14, DuckDb.count("select count(*) from " + project + " where method = 'cs_simple' and base_periods = '2023'"
                + " and base_earlier = '2022' and base_later = '2024' and estimate_base_earlier is not null"
                + " and estimate_base_later is not null and warnings like '%base_before_transition(2023)%'"
                + " and warnings like '%normal_interval%' and heterogeneity_p between 0 and 1 and i2 >= 0"));
        assertEquals(0, DuckDb.count("select count(*) from " + project + " where warnings like '%SYNTHETIC%'"
                + " or evidence_grade is null or (method = 'pre_trend' and evidence_grade <> 'not_assessable')"));

        String weights = DuckDb.table(ws.output(), "synthetic_weights");
        // Each of the 28 synthetic controls is a convex mix of comparison regions, never of a project region.
        assertEquals(28, DuckDb.count("select count(*) from (select region, indicator, age_group, sum(weight) s from "
                + weights + " group by all having abs(s - 1) < 1e-6)"));
        assertEquals(0, DuckDb.count("select count(*) from " + weights + " where weight <= 0 or donor in ('20', '10')"));
        String paths = DuckDb.table(ws.output(), "synthetic_paths");
        // 2015–2025 without the transition year 2024: 10 periods, one of them post.
        assertEquals(280, DuckDb.count("select count(*) from " + paths));
        assertEquals(28, DuckDb.count("select count(*) from " + paths + " where post_period and period = '2025'"));
        assertEquals(0, DuckDb.count("select count(*) from " + paths + " where abs(observed - counterfactual - gap) > 1e-9"));

        String costs = DuckDb.table(ws.output(), "cost_offset");
        // 2 regions × 2 age groups × 3 methods × 1 post-period (2025), emergency placements only.
        assertEquals(12, DuckDb.count("select count(*) from " + costs));
        assertEquals(0, DuckDb.count("select count(*) from " + costs + " where indicator <> 'emergency_placements'"
                + " or unit_cost_source <> 'test figure' or period <> '2025'"
                + " or not (events_avoided_lower <= events_avoided and events_avoided <= events_avoided_upper)"
                + " or abs(cost_offset_eur - events_avoided * 1000) > 1e-6"));
    }

    @Test
    void withoutProjectRegionsThereAreRatesAndAWarning() throws Exception {
        Workspace ws = new Workspace(dir);
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", ws.config("2026-06-30",
                "region_statistics", Workspace.DEMO.resolve("region_statistics.csv").toString(),
                "populations", Workspace.DEMO.resolve("populations.csv").toString()).toString());
        assertEquals(0, run.exit(), run.toString());
        assertEquals(0, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "region_effects")));
        assertTrue(Files.readString(ws.output().resolve("manifest.json")).contains("no project regions in the config"));
    }
}
