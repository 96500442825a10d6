package fi.polku.ingest;

import java.util.Locale;

/** Why an input row was rejected. The code is stable and goes into the quarantine table's reason_code. */
public enum ReasonCode {
    WRONG_FIELD_COUNT,
    MISSING_REQUIRED,
    BAD_IDENTIFIER,
    NOT_A_NUMBER,
    NOT_AN_INTEGER,
    WRONG_DECIMAL_SEPARATOR,
    OUT_OF_RANGE,
    UNKNOWN_VALUE,
    BAD_DATE,
    FUTURE_DATE,
    UNKNOWN_REGION,
    PARTIAL_ITEMS,
    ITEMS_TOTAL_MISMATCH,
    NO_SCORE,
    SCORE_ON_SKIPPED,
    INSTRUMENT_AGE_MISMATCH,
    RESPONDENT_AGE_MISMATCH,
    NO_DOMAIN_ANSWERED,
    BAD_PERIOD,
    VALUE_MISSING,
    NOT_TOTAL_GENDER,
    DUPLICATE,
    CONFLICTING_DUPLICATE,
    SESSION_ORDER,
    EPISODE_INCONSISTENT,
    /** A statistic's count with a population of 0 beside it: no rate can rest on it. */
    ZERO_POPULATION,
    /** More persons counted than live in the population (an indicator that counts persons). */
    COUNT_ABOVE_POPULATION,
    /** A rate per 1 000 above the indicator's documented plausible maximum ({@code indicators.csv}). */
    IMPLAUSIBLE_RATE;

    /** The code as written to tables: lower snake case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
