package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Region statistics in all three shapes: the long CSV, Sotkanet's JSON and Sotkanet's semicolon CSV. */
class RegionStatisticsInputTest {
    @TempDir
    Path dir;

    @Test
    void allThreeShapesLandInOneTable() {
        Workspace ws = new Workspace(dir);
        // Sotkanet ids: 1078 emergency placements (indicators.csv); regions 959 Etelä-Savo, 882 Kainuu (old id).
        ws.write("sotkanet.json", "[\n"
                + "  {\"indicator\": 1078, \"region\": 959, \"year\": 2023, \"gender\": \"total\", \"value\": 1.6, \"absValue\": 321},\n"
                + "  {\"indicator\": 1078, \"region\": 959, \"year\": 2023, \"gender\": \"male\", \"value\": 1.7, \"absValue\": 170},\n"
                + "  {\"indicator\": 1078, \"region\": 882, \"year\": 2022, \"gender\": \"total\", \"value\": 1.5},\n"
                + "  {\"indicator\": 9999, \"region\": 959, \"year\": 2023, \"gender\": \"total\", \"absValue\": 5}\n"
                + "]\n", StandardCharsets.UTF_8);
        ws.write("sotkanet.csv", "\uFEFFIndikaattori;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo\n"
                + "1077;974;2023;Yhteensä;1,2;530\n", StandardCharsets.UTF_8);
        ws.write("long.csv", "region,period,indicator,age_group,count,population,source\n"
                + "Kymenlaakso,2024,emergency_placements,13-17,212,7130,test\n"
                + "Kymenlaakso,2024-03,notifications,0-17,95,,test\n"
                + "Kymenlaakso,2024,emergency_placements,13-17,212,7130,test\n"
                + "Kymenlaakso,24,emergency_placements,13-17,2,,test\n", StandardCharsets.UTF_8);
        Path config = ws.write("polku.yaml", "project: test\nas_of: 2026-06-30\ninputs:\n  region_statistics:\n"
                + "    - sotkanet.json\n    - sotkanet.csv\n    - long.csv\noutput: out\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("UTF-8 with BOM, ';'-separated, decimal comma"), run.out());

        List<String> clean = DuckDb.query("select region, period, indicator, age_group, count, population, value, source from "
                + DuckDb.table(ws.output(), "region_statistics") + " order by source_file, source_line").stream()
                .map(r -> r.values().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .collect(Collectors.toList());
        assertEquals(List.of(
                "10 2024 emergency_placements 13-17 212 7130 null test",
                "10 2024-03 notifications 0-17 95 null null test",
                "13 2023 children_in_care 0-17 530 null 1.2 THL, Sotkanet",
                "12 2023 emergency_placements 0-17 321 null 1.6 THL, Sotkanet"), clean);

        Map<String, String> quarantined = DuckDb.query("select source_file || ':' || line as at, reason_code from "
                + DuckDb.table(ws.output(), "quarantine")).stream()
                .collect(Collectors.toMap(r -> (String) r.get("at"), r -> (String) r.get("reason_code")));
        assertEquals(Map.of("sotkanet.json:3", "not_total_gender", "sotkanet.json:4", "value_missing",
                "sotkanet.json:5", "unknown_value", "long.csv:4", "duplicate", "long.csv:5", "bad_period"), quarantined);
    }

    @Test
    void implausibleStatisticsAreQuarantinedWithTheirReasons() {
        Workspace ws = new Workspace(dir);
        // The two rows (count 12 with population 0; 500 of 100 = 5 000 per 1 000), an event rate above
        // notifications' max_per_1000 of 1 000 (indicators.csv), and a plausible row (65 of 13 000 = 5.0 per 1 000).
        ws.write("long.csv", "region,period,indicator,age_group,count,population\n"
                + "Kainuu,2024,emergency_placements,0-17,12,0\n"
                + "Kainuu,2023,emergency_placements,0-17,500,100\n"
                + "Kainuu,2022,notifications,0-17,1200,1000\n"
                + "Kainuu,2021,emergency_placements,0-17,65,13000\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "region_statistics", "long.csv").toString());
        assertEquals(0, run.exit(), run.toString());
        List<String> quarantined = DuckDb.query("select line, \"column\", reason_code, reason from " + DuckDb.table(ws.output(), "quarantine")
                + " order by line").stream().map(r -> r.get("line") + " " + r.get("column") + " " + r.get("reason_code") + ": " + r.get("reason"))
                .collect(Collectors.toList());
        assertEquals(List.of(
                "2 population zero_population: population: count 12 with a population of 0: a rate needs a population above 0"
                        + " (is the population column shifted or blanked as 0?)",
                "3 count count_above_population: count: count 500 is above the population 100: emergency_placements 0-17 counts"
                        + " persons (datasets/indicators.csv), and no more can be counted than live in the region",
                "4 count implausible_rate: count: count 1200 of population 1000 is 1200.0 per 1 000, above the plausible maximum"
                        + " 1000 per 1 000 for notifications 0-17 (datasets/indicators.csv, max_per_1000)"), quarantined);
        assertEquals(1, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "region_statistics")));
    }

    /**
     * Issue 17.8 where the count and the population come from different datasets: the same three rules hold for the
     * population joined from {@code populations} (same region, year and age group as region_rates joins). Failed
     * before: all five rows were clean, the first with "no rate" and the second at 5 000 per 1 000.
     */
    @Test
    void implausibleStatisticsOverAJoinedPopulationAreQuarantinedAndTheCountsAddUp() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("counts.csv", "region,period,indicator,age_group,count\n"
                + "Kainuu,2024,emergency_placements,0-17,12\n"     // population 0 (populations.csv line 2)
                + "Kainuu,2023,emergency_placements,0-17,500\n"    // 500 children of 100: 5 000 per 1 000
                + "Kainuu,2022-05,notifications,0-17,1200\n"       // a month joins its year: 1 200 per 1 000 > 1 000
                + "Kainuu,2021,emergency_placements,0-17,65\n"     // 65 of 13 000 = 5.0 per 1 000 ≤ 50: clean
                + "Kainuu,2020,emergency_placements,0-17,7\n",     // no population row: clean, no rate
                StandardCharsets.UTF_8);
        // Kainuu 2019 with its own population 13 000: the row's own column wins over the populations file's 0,
        // as in region_rates; a statistic cannot be checked against a population row that is itself quarantined.
        ws.write("own.csv", "region,period,indicator,age_group,count,population\n"
                + "Kainuu,2019,emergency_placements,0-17,65,13000\n"
                + "Kainuu,2018,emergency_placements,0-17,65,\n", StandardCharsets.UTF_8);
        ws.write("populations.csv", "region,year,age_group,population\n"
                + "Kainuu,2024,0-17,0\n"
                + "Kainuu,2023,0-17,100\n"
                + "Kainuu,2022,0-17,1000\n"
                + "Kainuu,2021,0-17,13000\n"
                + "Kainuu,2019,0-17,0\n"
                + "Kainuu,2018,0-17,-5\n", StandardCharsets.UTF_8);
        Path config = ws.write("polku.yaml", "project: test\nas_of: 2026-06-30\ninputs:\n  region_statistics:\n"
                + "    - counts.csv\n    - own.csv\n  populations: populations.csv\noutput: out\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());

        List<String> quarantined = DuckDb.query("select source_file || ':' || line as at, \"column\", reason_code, reason from "
                + DuckDb.table(ws.output(), "quarantine") + " order by source_file, line").stream()
                .map(r -> r.get("at") + " " + r.get("column") + " " + r.get("reason_code") + ": " + r.get("reason"))
                .collect(Collectors.toList());
        assertEquals(4, quarantined.size(), "three statistics and the negative population: " + quarantined);
        assertEquals(List.of(
                "counts.csv:2 population zero_population: population: count 12 with a population of 0 (populations.csv line 2,"
                        + " joined by region, year and age group): a rate needs a population above 0",
                "counts.csv:3 count count_above_population: count: count 500 is above the population 100 (populations.csv"
                        + " line 3, joined by region, year and age group): emergency_placements 0-17 counts persons"
                        + " (datasets/indicators.csv), and no more can be counted than live in the region",
                "counts.csv:4 count implausible_rate: count: count 1200 of population 1000 (populations.csv line 4, joined by"
                        + " region, year and age group) is 1200.0 per 1 000, above the plausible maximum 1000 per 1 000 for"
                        + " notifications 0-17 (datasets/indicators.csv, max_per_1000)"),
                quarantined.subList(0, 3));
        assertTrue(quarantined.get(3).startsWith("populations.csv:7 population out_of_range"), quarantined.get(3));

        List<String> clean = DuckDb.query("select source_file || ':' || source_line as at from "
                + DuckDb.table(ws.output(), "region_statistics") + " order by source_file, source_line").stream()
                .map(r -> (String) r.get("at")).collect(Collectors.toList());
        assertEquals(List.of("counts.csv:5", "counts.csv:6", "own.csv:2", "own.csv:3"), clean);

        JsonNode inputs = new ObjectMapper().readTree(ws.output().resolve("manifest.json").toFile()).get("inputs");
        Map<String, String> perFile = new java.util.TreeMap<>();
        for (JsonNode f : inputs) {
            perFile.put(f.get("file").asText(), f.get("rows_in").asLong() + " = " + f.get("clean").asLong() + " + "
                    + f.get("quarantined").asLong());
        }
        assertEquals(Map.of("counts.csv", "5 = 2 + 3", "own.csv", "2 = 2 + 0", "populations.csv", "6 = 5 + 1"), perFile);
        InputReliabilityTest.assertManifestCountsAreParquetCounts(ws.output());
    }

    @Test
    void brokenJsonStopsTheFileNamingLineAndColumn() {
        Workspace ws = new Workspace(dir);
        ws.write("broken.json", "[\n {\"indicator\": 1078, \"region\": 959,\n  \"year\": 2023 \"gender\": \"total\"}\n]\n",
                StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config",
                ws.config("2026-06-30", "region_statistics", "broken.json").toString());
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("broken.json line 3, column 16: not valid Sotkanet JSON"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace for a data problem");
    }
}
