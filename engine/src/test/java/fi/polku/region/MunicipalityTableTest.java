package fi.polku.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** datasets/municipalities.csv read as the jar reads it (the first nine columns hold no quoted commas). */
class MunicipalityTableTest {
    static RegionTable counties() throws IOException {
        List<Region> regions = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("..", "datasets", "regions.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            regions.add(new Region(f[0], null, null, f[3], f[4], f[5], f[6]));
        }
        return RegionTable.of(regions);
    }

    static MunicipalityTable table() throws IOException {
        List<Municipality> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("..", "datasets", "municipalities.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.add(new Municipality(f[0], f[1], f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3], f[4],
                    f[5].isEmpty() ? null : Integer.valueOf(f[5]), f[6].isEmpty() ? null : Integer.valueOf(f[6]),
                    f[7].isEmpty() ? null : f[7]));
        }
        return MunicipalityTable.of(out, counties());
    }

    @Test
    void theBundledTableHasThe2021MunicipalitiesInTheirCounties() throws IOException {
        MunicipalityTable t = table();
        // Yleisradio/geodata finland-hva-2021: 309 municipalities in 2021; Etelä-Savo 12, Kainuu 8, Kymenlaakso 6,
        // Pohjois-Savo 19 (Joroinen included), Helsinki alone in 90, 16 Åland municipalities in 91.
        assertEquals(309, t.all().stream().filter(m -> m.existsIn(2021)).count());
        assertEquals(12, t.inCounty("12", 2024).size());
        assertEquals(8, t.inCounty("20", 2024).size());
        assertEquals(6, t.inCounty("10", 2024).size());
        assertEquals(19, t.inCounty("13", 2024).size());
        assertEquals(List.of("091"), t.inCounty("90", 2024).stream().map(Municipality::code).toList());
        assertEquals(16, t.inCounty("91", 2024).size());
        assertEquals("13", t.countyOf("171", 2024).orElseThrow(), "Joroinen is in Pohjois-Savo");
    }

    @Test
    void mergersMoveAreasForward() throws IOException {
        MunicipalityTable t = table();
        // Juankoski (174) merged into Kuopio (297) in 2017 (Lupapiste 'Ajantasaiset kuntaliitokset');
        // Honkajoki (099) into Kankaanpää (214) in 2021 (Yle geodata 2020 vs 2021).
        assertEquals("13", t.countyOf("174", 2016).orElseThrow());
        assertTrue(t.countyOf("174", 2017).isEmpty());
        assertEquals("297", t.successor("174", 2020).orElseThrow().code());
        assertEquals("099", t.successor("099", 2020).orElseThrow().code());
        assertEquals("214", t.successor("099", 2021).orElseThrow().code());
        // Satakunta 2016: the 16 of 2021 plus Luvia (to 2016) and Honkajoki (to 2020); Lavia (to 2014), Köyliö (to 2015) gone.
        assertEquals(18, t.inCounty("06", 2016).size());
        assertEquals(20, t.inCounty("06", 2014).size());
    }

    @Test
    void namesAndCodesResolveButUnpaddedCodesDoNot() throws IOException {
        RegionTable names = table().regions();
        assertEquals("491", names.resolve("Mikkeli").orElseThrow().code());
        assertEquals("491", names.resolve("S:t Michel").orElseThrow().code());
        assertEquals("491", names.resolve("491").orElseThrow().code());
        assertEquals("091", names.resolve("Helsingfors").orElseThrow().code());
        assertTrue(names.resolve("91").isEmpty(), "a dropped leading zero is not guessed");
    }

    @Test
    void badTablesAreRefused() throws IOException {
        RegionTable counties = counties();
        assertThrows(IllegalArgumentException.class, () -> new Municipality("91", "X", null, null, "90", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> MunicipalityTable.of(List.of(
                new Municipality("001", "X", null, null, "99", null, null, null)), counties));
        assertThrows(IllegalArgumentException.class, () -> MunicipalityTable.of(List.of(
                new Municipality("001", "X", null, null, "12", null, 2015, "002")), counties));
        assertEquals(AreaLevel.MUNICIPALITY, AreaLevel.ofCode("091"));
        assertEquals(AreaLevel.COUNTY, AreaLevel.ofCode("12"));
    }
}
