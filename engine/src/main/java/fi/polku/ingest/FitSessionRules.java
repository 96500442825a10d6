package fi.polku.ingest;

import fi.polku.contract.AgeBand;
import fi.polku.contract.Arm;
import fi.polku.contract.FitSession;
import fi.polku.contract.Instrument;
import fi.polku.contract.Respondent;
import fi.polku.contract.Scores;
import fi.polku.region.Region;
import java.time.LocalDate;
import java.util.List;

/**
 * Row rules of {@code fit_sessions} (DESIGN §3): pseudonymous ids, a known region, enum codes (or their
 * aliases), a plausible date, and scores given either as four items (total derived, or checked to ±0.1)
 * or as a total alone. A skipped measure carries no scores; a measure held without scores is rejected.
 */
public final class FitSessionRules implements RowRules<FitSession> {
    /** The columns of {@code fit_sessions}. */
    public static final InputContract CONTRACT = new InputContract("fit_sessions", List.of(
            new InputContract.InputColumn("case_id", true),
            new InputContract.InputColumn("episode_id", false),
            new InputContract.InputColumn("region", true),
            new InputContract.InputColumn("arm", false),
            new InputContract.InputColumn("respondent", true),
            new InputContract.InputColumn("age_band", true),
            new InputContract.InputColumn("instrument", true),
            new InputContract.InputColumn("session_date", true),
            new InputContract.InputColumn("session_no", false),
            new InputContract.InputColumn("item1", false),
            new InputContract.InputColumn("item2", false),
            new InputContract.InputColumn("item3", false),
            new InputContract.InputColumn("item4", false),
            new InputContract.InputColumn("total", false),
            new InputContract.InputColumn("skipped", false)),
            List.of(List.of("item1", "total")));

    private static final String[] ITEMS = {"item1", "item2", "item3", "item4"};
    /** Upper bound of session numbers; more meetings in one episode point to an id mix-up. */
    static final int MAX_SESSION_NO = 500;

    private final FieldLayout layout;
    private final NumberStyle style;
    private final IngestContext context;

    /** Rules for one file with this layout and number style. */
    public FitSessionRules(FieldLayout layout, NumberStyle style, IngestContext context) {
        this.layout = layout;
        this.style = style;
        this.context = context;
    }

    @Override
    public Parsed<FitSession> parse(RawRecord record) {
        RowReader r = new RowReader(layout, record, style, context);
        Problem width = RowRules.fieldCount(layout, record);
        if (width != null) {
            r.problem(width.column(), width.reason(), width.message());
            return r.rejected();
        }
        String caseId = r.identifier("case_id", true);
        String episodeId = r.identifier("episode_id", false);
        Region region = r.region("region");
        Arm arm = r.code("arm", Arm.class, Arm::code, Arm.PROJECT);
        Respondent respondent = r.code("respondent", Respondent.class, Respondent::code, null);
        AgeBand ageBand = r.code("age_band", AgeBand.class, AgeBand::code, null);
        Instrument instrument = r.code("instrument", Instrument.class, Instrument::code, null);
        LocalDate date = r.date("session_date", true);
        Long sessionNo = r.integer("session_no", 1, MAX_SESSION_NO);
        Boolean skipped = r.flag("skipped");
        Scores scores = scores(r, Boolean.TRUE.equals(skipped));
        checkAges(r, respondent, ageBand, instrument);
        if (!r.ok()) {
            return r.rejected();
        }
        return new Parsed.Accepted<>(new FitSession(record.source(), caseId,
                episodeId == null ? caseId : episodeId, region.code(), arm, respondent, ageBand, instrument,
                date, sessionNo == null ? null : sessionNo.intValue(), false, scores));
    }

    private Scores scores(RowReader r, boolean skipped) {
        Double[] items = new Double[ITEMS.length];
        int given = 0;
        for (int i = 0; i < ITEMS.length; i++) {
            if (r.text(ITEMS[i]) != null) {
                given++;
                items[i] = r.decimal(ITEMS[i], Instrument.ITEM_MIN, Instrument.ITEM_MAX);
            }
        }
        boolean totalGiven = r.text("total") != null;
        Double total = r.decimal("total", 0.0, Instrument.ITEMS * Instrument.ITEM_MAX);
        if (skipped) {
            if (given > 0 || totalGiven) {
                r.problem(given > 0 ? ITEMS[0] : "total", ReasonCode.SCORE_ON_SKIPPED,
                        "the measure is marked skipped but has scores");
            }
            return Scores.skipped();
        }
        if (given == 0 && !totalGiven) {
            r.problem("total", ReasonCode.NO_SCORE,
                    "no items and no total: give the four items or the total, or mark the measure skipped");
            return null;
        }
        if (given > 0 && given < ITEMS.length) {
            r.problem(firstBlank(r), ReasonCode.PARTIAL_ITEMS,
                    "only " + given + " of 4 items given: give all four items, or the total alone");
            return null;
        }
        if (given == ITEMS.length) {
            for (Double d : items) {
                if (d == null) {
                    return null;
                }
            }
            Scores s = Scores.ofItems(items[0], items[1], items[2], items[3]);
            if (total != null && Math.abs(total - s.total()) > Instrument.TOTAL_TOLERANCE + 1e-9) {
                r.problem("total", ReasonCode.ITEMS_TOTAL_MISMATCH, "total " + r.text("total")
                        + " differs from the sum of the items " + s.total() + " by more than 0.1");
            }
            return s;
        }
        return total == null ? null : Scores.ofTotal(total);
    }

    private static String firstBlank(RowReader r) {
        for (String item : ITEMS) {
            if (r.text(item) == null) {
                return item;
            }
        }
        return ITEMS[0];
    }

    private static void checkAges(RowReader r, Respondent respondent, AgeBand band, Instrument instrument) {
        if (respondent == null || band == null || instrument == null) {
            return;
        }
        boolean adultBand = band == AgeBand.AGE_18_PLUS;
        if (respondent == Respondent.YOUTH && band != AgeBand.AGE_13_17
                || respondent == Respondent.CHILD && band != AgeBand.AGE_0_5 && band != AgeBand.AGE_6_12
                || respondent.isCaregiver() && !adultBand && band != AgeBand.AGE_13_17) {
            r.problem("age_band", ReasonCode.RESPONDENT_AGE_MISMATCH,
                    "respondent " + respondent.code() + " cannot have age band " + band.code());
            return;
        }
        // Caregivers may rate a child instrument on the child's behalf; self-ratings must fit the age.
        boolean ownInstrument = instrument.isForAgeBand(band);
        boolean onBehalf = respondent.isCaregiver() && instrument != Instrument.ORS && instrument != Instrument.SRS;
        if (!ownInstrument && !onBehalf) {
            r.problem("instrument", ReasonCode.INSTRUMENT_AGE_MISMATCH,
                    instrument.code() + " is not an instrument for a " + respondent.code() + " aged " + band.code());
        }
    }
}
