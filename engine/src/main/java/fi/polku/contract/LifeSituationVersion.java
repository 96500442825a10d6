package fi.polku.contract;

/** The age versions of the 3X10D life-situation measure (Diak), plus the family version. */
public enum LifeSituationVersion {
    AGE_7_9("7-9"),
    AGE_10_13("10-13"),
    AGE_14_17("14-17"),
    AGE_18_PLUS("18+"),
    FAMILY("family");

    /** Number of life domains. */
    public static final int DOMAINS = 10;
    /** Lowest domain rating (very dissatisfied). */
    public static final int RATING_MIN = 0;
    /** Highest domain rating (very satisfied). */
    public static final int RATING_MAX = 10;

    private final String code;

    LifeSituationVersion(String code) {
        this.code = code;
    }

    /** The code used in files and tables. */
    public String code() {
        return code;
    }
}
