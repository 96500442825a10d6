package fi.polku.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTableTest {
    private final RegionTable table = RegionTable.of(List.of(
            new Region("12", 959, 879, "Etelä-Savo", "Etelä-Savon hyvinvointialue", "Södra Savolax välfärdsområde", "South Savo"),
            new Region("01", 961, 881, "Itä-Uusimaa", "Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde", "Eastern Uusimaa")));

    @Test
    void resolvesCodesAndNamesInAnyLanguageAndCase() {
        for (String name : List.of("12", "etelä-savo", "ETELÄ SAVO", "Etelä-Savon hyvinvointialue",
                "Södra Savolax välfärdsområde", "south savo", "Etela-Savo")) {
            assertEquals("12", table.resolve(name).orElseThrow().code(), name);
        }
        assertEquals("01", table.resolve("1").orElseThrow().code());
        assertEquals("01", table.bySotkanetId(881).orElseThrow().code(), "earlier Sotkanet numbering");
    }

    @Test
    void unknownNamesDoNotResolve() {
        assertTrue(table.resolve("Savo").isEmpty());
        assertTrue(table.resolve("").isEmpty());
    }

    @Test
    void ambiguousTablesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RegionTable.of(List.of(
                new Region("12", null, null, "A", "A1", "A2", "A3"),
                new Region("13", null, null, "A", "B1", "B2", "B3"))));
    }
}
