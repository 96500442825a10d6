package fi.polku.contract;

/** Age band of the respondent, the granularity at which FIT clinical cutoffs are defined. */
public enum AgeBand {
    AGE_0_5("0-5"),
    AGE_6_12("6-12"),
    AGE_13_17("13-17"),
    AGE_18_PLUS("18+");

    private final String code;

    AgeBand(String code) {
        this.code = code;
    }

    /** The code used in files and tables. */
    public String code() {
        return code;
    }
}
