package fi.polku.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.effect.Caveat;
import fi.polku.effect.EvidenceGrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Both languages have every key, and numbers are written the way each language writes them. */
class MessagesTest {
    private static TreeSet<String> keys(String lang) throws IOException {
        try (InputStream in = Messages.class.getResourceAsStream("messages_" + lang + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        }
    }

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        assertEquals(keys("fi"), keys("en"));
    }

    @Test
    void everyRejectionReasonHasATextInBothLanguages() throws IOException {
        for (String lang : java.util.List.of("fi", "en")) {
            TreeSet<String> keys = keys(lang);
            for (fi.polku.ingest.ReasonCode code : fi.polku.ingest.ReasonCode.values()) {
                assertEquals(true, keys.contains("reason." + code.code()), lang + ": reason." + code.code());
            }
        }
    }

    @Test
    void everyCaveatCodeAndEvidenceGradeHasATextInBothLanguages() throws IOException {
        for (String lang : new String[] {"fi", "en"}) {
            TreeSet<String> keys = keys(lang);
            for (Caveat c : Caveat.values()) {
                assertTrue(keys.contains("warning." + c.code()), lang + " has no text for caveat code " + c.code());
            }
            for (EvidenceGrade g : EvidenceGrade.values()) {
                assertTrue(keys.contains("grade." + g.code()), lang + " has no text for grade " + g.code());
                assertTrue(g == EvidenceGrade.NOT_ASSESSABLE || keys.contains("summary.grade." + g.code()), lang + " summary " + g);
            }
        }
    }

    @Test
    void caveatCodesAreWrittenInThePagesLanguage() {
        Messages fi = Messages.of(Messages.Language.FI);
        // The review's case: a sampled synthetic-control p of 500 assignments must not read "steps of 1/8855".
        assertEquals(List.of("p-arvo on laskettu 500 jaosta (toteutunut ja satunnaisotos, siemenluku 20240801) kaikista 8855"
                + " tavasta jakaa hankkeen aloitukset alueille, joten se etenee 1/500:n askelin",
                "laskennalliset verrokit eivät seuraa hankealueita ennen hanketta: ero ei ole vaikutus eikä näyttöä suuntaan tai"
                        + " toiseen", "hajontakerroin on alle asetuksen its.dispersion_floor rajan 1,5: keskivirhe käyttää rajaa"),
                Caveats.of(Caveat.P_SAMPLED.with(500, 8855L, 20240801L) + "; " + Caveat.SC_POOR_FIT.code() + "; "
                        + Caveat.DISPERSION_FLOOR.with(1.5), fi));
        assertEquals(List.of("the 95 % interval is the estimate ± 1.96 × SE, a normal approximation"),
                Caveats.of("normal_interval", Messages.of(Messages.Language.EN)));
    }

    @Test
    void patternsWithArgumentsKeepTheirApostrophes() throws IOException {
        for (Messages.Language language : Messages.Language.values()) {
            Messages m = Messages.of(language);
            for (String key : keys(language.name().toLowerCase(java.util.Locale.ROOT))) {
                String raw = m.textOr(key, "");
                // A pattern without arguments is printed as it is: a doubled apostrophe would show doubled.
                assertFalse(!raw.contains("{") && raw.contains("''"), key + ": " + raw);
                if (raw.contains("{0}")) {
                    String text = m.text(key, "X", "Y", "Z", "V", "W");
                    assertEquals(false, text.contains("{") || raw.contains("''") && !text.contains("'"), key + ": " + text);
                }
            }
        }
    }

    /** Issue 21.8: the console names the top quarantine reasons in either language, so every reason code has a text in both. */
    @Test
    void everyQuarantineReasonHasATextInBothLanguages() throws IOException {
        for (String lang : new String[] {"fi", "en"}) {
            TreeSet<String> keys = keys(lang);
            for (fi.polku.ingest.ReasonCode code : fi.polku.ingest.ReasonCode.values()) {
                assertEquals(true, keys.contains("reason." + code.code()), lang + ": reason." + code.code());
            }
        }
    }

    /** Issue 21.4: periods in words and in time order, dates as each language writes them, times in Helsinki. */
    @Test
    void periodsAndDatesFollowTheLanguage() {
        Messages fi = Messages.of(Messages.Language.FI);
        Messages en = Messages.of(Messages.Language.EN);
        assertEquals("kevät 2025", fi.period("2025-spring"));
        assertEquals("syksy 2025", fi.period("2025-autumn"));
        assertEquals("koko ajanjakso", fi.period("all"));
        assertEquals("autumn 2025", en.period("2025-autumn"));
        assertEquals("2025", fi.period("2025"));
        java.util.List<String> labels = new java.util.ArrayList<>(java.util.List.of("all", "2025-autumn", "2026-spring", "2025-spring"));
        labels.sort(Messages.PERIOD_ORDER);
        assertEquals(java.util.List.of("2025-spring", "2025-autumn", "2026-spring", "all"), labels, "time order, whole period last");
        assertEquals("30.6.2026", fi.date(java.time.LocalDate.of(2026, 6, 30)));
        assertEquals("30 June 2026", en.date(java.time.LocalDate.of(2026, 6, 30)));
        // 10:07 UTC on 1 December is 12:07 in Helsinki (EET, UTC+2); on 30 June 13:07 (EEST, UTC+3).
        assertEquals("1.12.2026 klo 12.07", fi.dateTime(java.time.Instant.parse("2026-12-01T10:07:00Z")));
        assertEquals("30.6.2026 klo 13.07", fi.dateTime(java.time.Instant.parse("2026-06-30T10:07:00Z")));
        assertEquals("1 December 2026, 12:07 (Helsinki time)", en.dateTime(java.time.Instant.parse("2026-12-01T10:07:00Z")));
    }

    @Test
    void numbersFollowTheLanguage() {
        Messages fi = Messages.of(Messages.Language.FI);
        Messages en = Messages.of(Messages.Language.EN);
        assertEquals("1,5", fi.number(1.5, 1));
        assertEquals("1.5", en.number(1.5, 1));
        assertEquals("−0,30", fi.number(-0.3, 2));
        assertEquals("0,0", fi.number(-0.01, 1), "no minus sign on a value that rounds to zero");
        assertEquals("12\u00a0345", fi.count(12345));
        assertEquals("12,345", en.count(12345));
        assertEquals("16\u00a0%", fi.percent(0.16));
        assertEquals("0,51 (0,20\u2060–\u20600,83)", fi.interval(0.51, 0.2, 0.83, 2));
        assertEquals("Alueen tulokset: Kainuu", fi.text("title.region", "Kainuu"));
    }
}
