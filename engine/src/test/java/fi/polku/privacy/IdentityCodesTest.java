package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityCodesTest {

    /** Rows of shared/reference/hetu_test_vectors.csv: code and expected validity. */
    private static List<String[]> vectors() throws IOException {
        try (InputStream in = IdentityCodesTest.class.getResourceAsStream("/hetu_test_vectors.csv")) {
            List<String[]> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.startsWith("#") || line.startsWith("hetu,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 3);
                rows.add(new String[] {f[0], f[1]});
            }
            return rows;
        }
    }

    @Test
    void everyReferenceVectorIsClassifiedAsTheReferenceSays() throws IOException {
        List<String[]> rows = vectors();
        // shared/reference/hetu_test_vectors.csv: 22 valid codes and 1 altered checksum.
        assertEquals(23, rows.size());
        int valid = 0;
        for (String[] row : rows) {
            boolean expected = Boolean.parseBoolean(row[1]);
            assertEquals(expected, IdentityCodes.isValid(row[0]), "vector #" + rows.indexOf(row));
            assertEquals(expected, IdentityCodes.containsAny("note: " + row[0] + ";"), "embedded vector #" + rows.indexOf(row));
            valid += expected ? 1 : 0;
        }
        assertEquals(22, valid);
    }

    @Test
    void findsCodesAtTheirOffsetsInsideText() {
        String line = "C-001;131052-308T;2024-03-01;x 010594Y9032";
        assertEquals(List.of(6, 31), IdentityCodes.find(line));
    }

    @Test
    void lowerCaseCheckCharacterIsStillACode() {
        assertTrue(IdentityCodes.containsAny("020594x903p"));
    }

    /** Right checksums on impossible dates or individual numbers (31.13., 29.2.2023, 001) must not count. */
    @ParameterizedTest
    @ValueSource(strings = {
        "2024-03-01", "01.03.2024", "1.3.2024", "+358 40 123 4567", "040-1234567", "0401234567",
        "session_no 12", "C-000123-0042", "131052-308U", "311302-123Y", "C-2024-0001", "120324-001C",
        "PS-ES-000123", "39.5", "12;13;14;15", "290223A0019"})
    void ordinaryValuesAreNotCodes(String text) {
        assertFalse(IdentityCodes.containsAny(text), text);
    }

    /**
     * Issue 17: codes glued to letters or digits passed the old screen. Each value below holds a valid code
     * (131052-308T: the DVV's textbook example; 010594Y9032, 020304B123P: shared/reference/hetu_test_vectors.csv
     * and a code checked by hand: 020304123 mod 31 = 24 -> 'P').
     */
    @ParameterizedTest
    @ValueSource(strings = {"X131052-308T", "131052-308TX", "K010594Y9032", "020304B123Px", "1131052-308T",
        "131052-308T9", "id_131052-308T_v2", "abc131052-308tdef"})
    void aCodeGluedIntoALongerTokenIsFound(String text) {
        assertTrue(IdentityCodes.containsAny(text), text);
    }

    /** A word processor's dash in place of the hyphen sign still writes the person's code. */
    @ParameterizedTest
    @ValueSource(strings = {"131052\u2010308T", "131052\u2011308T", "131052\u2013308T", "131052\u2014308T",
        "131052\u2212308T", "131052\u00AD308T"})
    void typographicDashesAreCenturySignsToo(String text) {
        assertTrue(IdentityCodes.containsAny(text), text);
        assertEquals(List.of(0), IdentityCodes.find(text));
    }

    @Test
    void offsetsOfCodesInsideTokensAreReported() {
        assertEquals(List.of(1, 13), IdentityCodes.find("X131052-308TY010594Y9032"));
    }
}
