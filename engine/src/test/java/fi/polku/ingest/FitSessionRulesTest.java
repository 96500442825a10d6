package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.AgeBand;
import fi.polku.contract.Arm;
import fi.polku.contract.FitSession;
import fi.polku.contract.Instrument;
import fi.polku.contract.Respondent;
import fi.polku.contract.RowSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitSessionRulesTest {
    private static final List<String> HEADER = List.of("case_id", "episode_id", "region", "arm", "respondent",
            "age_band", "instrument", "session_date", "session_no", "item1", "item2", "item3", "item4", "total",
            "skipped");

    private static Parsed<FitSession> parse(List<String> header, NumberStyle style, String line) {
        IngestContext context = ReferenceTables.context();
        FieldLayout layout = FieldLayout.resolve(header, FitSessionRules.CONTRACT, context.aliases());
        assertEquals(List.of(), layout.problems());
        String[] fields = line.split("\\|", -1);
        return new FitSessionRules(layout, style, context).parse(RawRecord.of(new RowSource("f.csv", 7), fields, line));
    }

    private static Parsed<FitSession> parse(String line) {
        return parse(HEADER, NumberStyle.DECIMAL_POINT, line);
    }

    private static FitSession accepted(Parsed<FitSession> p) {
        if (p instanceof Parsed.Rejected<FitSession> r) {
            throw new AssertionError("rejected: " + r.reason());
        }
        return ((Parsed.Accepted<FitSession>) p).value();
    }

    @Test
    void fourItemsGiveTheirSumAsTotal() {
        FitSession s = accepted(parse(
                "C1|E1|Etelä-Savo|project|youth|13-17|ORS|2025-02-03|1|5.2|6.1|0|7.3||"));
        assertEquals("12", s.region());
        assertEquals(18.6, s.scores().total(), 1e-12);
        assertEquals(0.0, s.scores().item(3), 0.0, "0 is a score, not missing");
        assertEquals(Respondent.YOUTH, s.respondent());
        assertEquals(Instrument.ORS, s.instrument());
        assertEquals(1, s.sessionNo());
    }

    @Test
    void totalAloneIsAcceptedAndDefaultsApply() {
        FitSession s = accepted(parse(
                "C1||12||parent|18+|SRS|1.3.2025||||||37.5|"));
        assertEquals("C1", s.episodeId(), "episode defaults to case");
        assertEquals(Arm.PROJECT, s.arm());
        assertEquals(LocalDate.of(2025, 3, 1), s.sessionDate());
        assertNull(s.sessionNo());
        assertTrue(s.scores().items().isEmpty());
    }

    @Test
    void finnishHeadersValuesAndDecimalCommaAreRead() {
        List<String> header = List.of("Asiakastunnus", "Hyvinvointialue", "Ryhmä", "Vastaaja", "Ikäryhmä",
                "Mittari", "Tapaamispäivä", "Yhteensä", "Ohitettu");
        FitSession s = accepted(parse(header, NumberStyle.DECIMAL_COMMA,
                "K-7|Kainuu|vertailu|nuori|13–17|ors|2024-11-05|21,4|ei"));
        assertEquals("20", s.region());
        assertEquals(Arm.COMPARISON, s.arm());
        assertEquals(AgeBand.AGE_13_17, s.ageBand());
        assertEquals(21.4, s.scores().total(), 1e-12);
    }

    @Test
    void skippedMeasureHasNoScores() {
        FitSession s = accepted(parse(
                "C1|E1|12|project|youth|13-17|ORS|2025-02-03|2||||||kyllä"));
        assertTrue(s.scores().isSkipped());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "missing case;|E1|12|project|youth|13-17|ORS|2025-02-03|1||||||;case_id;missing_required",
        "bad pseudonym;C 1|E1|12|project|youth|13-17|ORS|2025-02-03|1||||||;case_id;bad_identifier",
        "unknown region;C1|E1|Narnia|project|youth|13-17|ORS|2025-02-03|1|||||20|;region;unknown_region",
        "unknown arm;C1|E1|12|pilot|youth|13-17|ORS|2025-02-03|1|||||20|;arm;unknown_value",
        "unknown instrument;C1|E1|12|project|youth|13-17|PHQ9|2025-02-03|1|||||20|;instrument;unknown_value",
        "bad date;C1|E1|12|project|youth|13-17|ORS|2025-02-30|1|||||20|;session_date;bad_date",
        "future date;C1|E1|12|project|youth|13-17|ORS|2027-01-01|1|||||20|;session_date;future_date",
        "item over 10;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|5|11|5|5||;item2;out_of_range",
        "total over 40;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|||||40.5|;total;out_of_range",
        "not a number;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|5|five|5|5||;item2;not_a_number",
        "decimal comma in a point file;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|||||20,5|;total;wrong_decimal_separator",
        "three items;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|5|5|5|||;item4;partial_items",
        "items disagree with total;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|5|5|5|5|20.5|;total;items_total_mismatch",
        "no score;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1||||||;total;no_score",
        "score on skipped;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|||||20|true;total;score_on_skipped",
        "youth aged 18+;C1|E1|12|project|youth|18+|ORS|2025-02-03|1|||||20|;age_band;respondent_age_mismatch",
        "child on ORS;C1|E1|12|project|child|6-12|ORS|2025-02-03|1|||||20|;instrument;instrument_age_mismatch",
        "session 0;C1|E1|12|project|youth|13-17|ORS|2025-02-03|0|||||20|;session_no;out_of_range",
        "session 1.5;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1.5|||||20|;session_no;not_an_integer",
        "bad skipped flag;C1|E1|12|project|youth|13-17|ORS|2025-02-03|1|||||20|maybe;skipped;unknown_value",
        "too few fields;C1|E1|12|project|youth|13-17|ORS|2025-02-03;;wrong_field_count",
    })
    void badRowsAreRejectedNamingColumnAndReason(String name, String line, String column, String reason) {
        Parsed<FitSession> p = parse(line);
        Parsed.Rejected<FitSession> r = assertInstanceOf(Parsed.Rejected.class, p, name);
        assertEquals(column, r.first().column(), name + ": " + r.reason());
        assertEquals(reason, r.first().reason().code(), name + ": " + r.reason());
        assertEquals(7, r.source().line());
        assertEquals(line, r.raw());
    }

    @Test
    void everyProblemOfARowIsReportedNotJustTheFirst() {
        Parsed.Rejected<FitSession> r = assertInstanceOf(Parsed.Rejected.class,
                parse("C1|E1|Narnia|pilot|youth|13-17|ORS|2025-02-03|1|5|11|5|5||"));
        assertEquals(List.of("region", "arm", "item2"), r.problems().stream().map(Problem::column).toList());
    }

    @Test
    void messagesNeverRepeatAnIdentifierValue() {
        Parsed.Rejected<FitSession> r = assertInstanceOf(Parsed.Rejected.class,
                parse("secret value|E1|12|project|youth|13-17|ORS|2025-02-03|1|||||20|"));
        assertTrue(!r.reason().contains("secret"), r.reason());
    }

    @Test
    void headerWithoutScoresOrRequiredColumnsIsRefused() {
        FieldLayout layout = FieldLayout.resolve(List.of("case_id", "region", "instrument", "instrument"),
                FitSessionRules.CONTRACT, ReferenceTables.aliases());
        List<String> problems = layout.problems();
        assertTrue(problems.contains("columns 'instrument' and 'instrument' both mean instrument"), problems.toString());
        assertTrue(problems.contains("required column session_date is missing"), problems.toString());
        assertTrue(problems.contains("needs at least one of the columns item1, total"), problems.toString());
    }
}
