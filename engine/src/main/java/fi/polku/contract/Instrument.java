package fi.polku.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The FIT instruments Polku reads. All are four visual-analogue items scored 0.0–10.0 with a total of
 * 0.0–40.0; psychometric parameters (cutoffs, SD, reliability) live in the instrument parameter table of
 * {@code datasets/}, not here.
 */
public enum Instrument {
    /** Outcome Rating Scale, ages 13+. */
    ORS("ORS", Kind.OUTCOME, EnumSet.of(AgeBand.AGE_13_17, AgeBand.AGE_18_PLUS)),
    /** Child Outcome Rating Scale, ages 6–12. */
    CORS("CORS", Kind.OUTCOME, EnumSet.of(AgeBand.AGE_6_12)),
    /** Young Child Outcome Rating Scale, ages 5 and under. */
    YCORS("YCORS", Kind.OUTCOME, EnumSet.of(AgeBand.AGE_0_5)),
    /** Session Rating Scale, ages 13+. */
    SRS("SRS", Kind.ALLIANCE, EnumSet.of(AgeBand.AGE_13_17, AgeBand.AGE_18_PLUS)),
    /** Child Session Rating Scale, ages 6–12. */
    CSRS("CSRS", Kind.ALLIANCE, EnumSet.of(AgeBand.AGE_6_12));

    /** Number of items of every FIT instrument. */
    public static final int ITEMS = 4;
    /** Lowest item score. */
    public static final double ITEM_MIN = 0.0;
    /** Highest item score (a 10 cm line). */
    public static final double ITEM_MAX = 10.0;
    /** Largest accepted difference between a stated total and the sum of the four items. */
    public static final double TOTAL_TOLERANCE = 0.1;

    /** Whether an instrument measures outcome (ORS family) or the working alliance (SRS family). */
    public enum Kind { OUTCOME, ALLIANCE }

    /** The codes of the instruments of one kind, in declaration order (e.g. ORS, CORS, YCORS for {@link Kind#OUTCOME}). */
    public static java.util.List<String> codes(Kind kind) {
        return java.util.Arrays.stream(values()).filter(i -> i.kind == kind).map(i -> i.code).toList();
    }

    private final String code;
    private final Kind kind;
    private final Set<AgeBand> selfRatedAgeBands;

    Instrument(String code, Kind kind, Set<AgeBand> selfRatedAgeBands) {
        this.code = code;
        this.kind = kind;
        this.selfRatedAgeBands = selfRatedAgeBands;
    }

    /** The code used in files and tables. */
    public String code() {
        return code;
    }

    /** Outcome or alliance. */
    public Kind kind() {
        return kind;
    }

    /** Highest total score. */
    public double totalMax() {
        return ITEMS * ITEM_MAX;
    }

    /**
     * Whether a child or youth of this age band may fill the instrument themselves. Caregivers may rate
     * any child instrument on the child's behalf, so the check applies to self-ratings only.
     */
    public boolean isForAgeBand(AgeBand band) {
        return selfRatedAgeBands.contains(band);
    }
}
