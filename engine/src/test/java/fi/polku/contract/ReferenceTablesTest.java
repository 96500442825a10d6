package fi.polku.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference tables of datasets/ agree with the contract and with their sources. */
class ReferenceTablesTest {
    private static final Path DATASETS = Path.of("..", "datasets");

    private static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(DATASETS.resolve(file), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void instrumentParametersAgreeWithTheContractAndCiteASource() throws IOException {
        Map<String, String> value = new HashMap<>();
        Set<String> statuses = Set.of("structural", "verified", "published", "secondary", "unverified", "not_assessed",
                "not_found");
        for (String[] r : rows("instrument_parameters.csv")) {
            value.put(r[0] + "/" + r[1] + "/" + r[2], r[3]);
            assertTrue(statuses.contains(r[5]), "status of " + String.join(",", r));
            assertFalse(r[6].isBlank(), "source of " + String.join(",", r));
        }
        for (Instrument i : Instrument.values()) {
            assertEquals(Integer.toString(Instrument.ITEMS), value.get(i.code() + "/items/"), i.code());
            assertEquals(Double.toString(Instrument.ITEM_MIN), Double.toString(Double.parseDouble(value.get(i.code() + "/item_min/"))));
            assertEquals(Double.toString(Instrument.ITEM_MAX), Double.toString(Double.parseDouble(value.get(i.code() + "/item_max/"))));
            assertEquals(i.totalMax(), Double.parseDouble(value.get(i.code() + "/total_max/")), 0.0);
            assertEquals("higher_is_better", value.get(i.code() + "/direction/"));
        }
        assertEquals(Integer.toString(LifeSituationVersion.DOMAINS), value.get("3X10D/items/"));
        assertEquals(Integer.toString(LifeSituationVersion.RATING_MAX), value.get("3X10D/item_max/"));
        // shared/reference/REFERENCE.md: ORS cutoffs adults 25, adolescents 28, CORS 32; SRS 36.
        assertEquals("25", value.get("ORS/clinical_cutoff/18+"));
        assertEquals("28", value.get("ORS/clinical_cutoff/13-17"));
        assertEquals("32", value.get("CORS/clinical_cutoff/6-12"));
        assertEquals("36", value.get("SRS/alliance_cutoff/"));
        assertEquals("", value.get("3X10D/reliability/"), "3X10D has no published reliability");
        // Issue 20: no CORS reliability could be read (recorded as not_found, no value); YCORS stays descriptive.
        assertEquals("", value.get("CORS/reliability_alpha/"));
        assertEquals("descriptive", value.get("YCORS/reliable_change/"));
    }

    @Test
    void regionsMatchSotkanetsRegionIds() throws IOException {
        // datasets/statistics/sotkanet_region_ids_hyvinvointialue.csv: name_fi, new id, old id, new code, old code.
        Map<String, String[]> regions = new HashMap<>();
        for (String[] r : rows("regions.csv")) {
            regions.put(Integer.toString(Integer.parseInt(r[0])), r);
        }
        List<String[]> sotkanet = rows("statistics/sotkanet_region_ids_hyvinvointialue.csv");
        assertEquals(23, sotkanet.size());
        assertEquals(23, regions.size());
        for (String[] s : sotkanet) {
            String[] r = regions.get(s[3]);
            assertTrue(r != null, "no region with code " + s[3] + " (" + s[0] + ")");
            assertEquals(s[1], r[1], "Sotkanet id of " + s[0]);
            assertEquals(s[2], r[2], "earlier Sotkanet id of " + s[0]);
            assertTrue(s[0].equals(r[4]) || s[0].equals(r[3]), s[0] + " vs " + r[3] + " / " + r[4]);
        }
    }
}
